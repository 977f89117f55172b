/** The logical cluster id of the embedded simulated cluster: its volumes carry it. */
export const SIMULATED_CLUSTER = 'simulated';
