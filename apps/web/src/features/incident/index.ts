// What the shell shows of the incident feature on every page: the banner (with its styles).
export { IncidentBanner } from './components/IncidentBanner';
