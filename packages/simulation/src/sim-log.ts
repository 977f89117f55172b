/**
 * Where the simulators say what they do. The process passes its own logger (any object with
 * these methods), so simulated and real parts log alike without the simulation importing it.
 */
export interface SimLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}
