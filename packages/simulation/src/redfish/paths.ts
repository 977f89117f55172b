/** The URIs of the resources the service serves: one place that spells them. */
export const ROOT = '/redfish/v1';
export const CHASSIS = `${ROOT}/Chassis`;
export const SYSTEMS = `${ROOT}/Systems`;
export const SESSION_SERVICE = `${ROOT}/SessionService`;
export const SESSIONS = `${SESSION_SERVICE}/Sessions`;
export const EVENT_SERVICE = `${ROOT}/EventService`;
export const SUBSCRIPTIONS = `${EVENT_SERVICE}/Subscriptions`;
export const SSE = `${EVENT_SERVICE}/SSE`;

export const chassisPath = (id: string): string => `${CHASSIS}/${id}`;
export const drivesPath = (enclosureId: string): string => `${CHASSIS}/${enclosureId}/Drives`;
export const drivePath = (enclosureId: string, driveId: string): string =>
  `${drivesPath(enclosureId)}/${driveId}`;
export const systemPath = (id: string): string => `${SYSTEMS}/${id}`;
export const sessionPath = (id: string): string => `${SESSIONS}/${id}`;
export const subscriptionPath = (id: string): string => `${SUBSCRIPTIONS}/${id}`;

/** A request path without its trailing slash, so `/redfish/v1/` and `/redfish/v1` are one resource. */
export function canonicalPath(pathname: string): string {
  return pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
}
