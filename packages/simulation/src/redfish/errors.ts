import type { JsonObject } from './json.js';

/** Base registry version the messages name; one place so it moves at once. */
const BASE = 'Base.1.8';

/** A request the service refuses: its HTTP status and the Redfish message that says why. */
export class RedfishError extends Error {
  constructor(
    readonly status: number,
    /** The Base registry message, without its registry prefix (e.g. `ResourceNotFound`). */
    readonly messageKey: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'RedfishError';
  }

  /** The body DSP0266 prescribes for an error: a general code, the detail in ExtendedInfo. */
  body(): JsonObject {
    return {
      error: {
        code: `${BASE}.GeneralError`,
        message: this.message,
        '@Message.ExtendedInfo': [
          {
            '@odata.type': '#Message.v1_1_1.Message',
            MessageId: `${BASE}.${this.messageKey}`,
            Message: this.message,
            Severity: this.status >= 500 ? 'Critical' : 'Warning',
            MessageSeverity: this.status >= 500 ? 'Critical' : 'Warning',
            Resolution: RESOLUTIONS[this.messageKey] ?? 'None.',
          },
        ],
      },
    };
  }
}

const RESOLUTIONS: Record<string, string> = {
  NoValidSession: 'Establish a session before retrying the request.',
  ResourceAtUriUnauthorized: 'Ensure that the credentials are correct and retry.',
  ResourceNotFound: 'Provide a valid resource identifier and resubmit the request.',
  MalformedJSON: 'Ensure that the request body is valid JSON and resubmit the request.',
  ServiceTemporarilyUnavailable: 'Wait for the indicated retry duration and retry the operation.',
};

export const notFound = (path: string): RedfishError =>
  new RedfishError(
    404,
    'ResourceNotFound',
    `The requested resource of type Resource named '${path}' was not found.`,
  );

export const noValidSession = (): RedfishError =>
  new RedfishError(401, 'NoValidSession', 'There is no valid session established with the implementation.', {
    'www-authenticate': 'Basic realm="Drivebay Redfish"',
  });

export const badCredentials = (): RedfishError =>
  new RedfishError(
    401,
    'ResourceAtUriUnauthorized',
    'While accessing the resource, the credentials were rejected.',
  );

export const methodNotAllowed = (method: string, allowed: readonly string[]): RedfishError =>
  new RedfishError(405, 'OperationNotAllowed', `The operation ${method} is not allowed on this resource.`, {
    allow: allowed.join(', '),
  });

export const malformedJson = (): RedfishError =>
  new RedfishError(
    400,
    'MalformedJSON',
    'The request body submitted was malformed JSON and could not be parsed.',
  );

export const badProperty = (
  key:
    | 'PropertyUnknown'
    | 'PropertyValueTypeError'
    | 'PropertyValueNotInList'
    | 'PropertyMissing'
    | 'PropertyValueConflict'
    | 'PropertyValueFormatError',
  property: string,
  detail: string,
): RedfishError => new RedfishError(400, key, `The property ${property} ${detail}.`);

export const badQuery = (
  key: 'QueryParameterValueFormatError' | 'QueryParameterOutOfRange',
  parameter: string,
  value: string,
): RedfishError =>
  new RedfishError(400, key, `The value '${value}' for the query parameter ${parameter} is not valid.`);

export const queryNotSupported = (parameter: string): RedfishError =>
  new RedfishError(
    501,
    'QueryNotSupported',
    `Querying with ${parameter} is not supported by the implementation.`,
  );

export const unavailable = (what: string): RedfishError =>
  new RedfishError(503, 'ServiceTemporarilyUnavailable', `${what} cannot be reached at the moment.`, {
    'retry-after': '5',
  });

export const preconditionFailed = (): RedfishError =>
  new RedfishError(412, 'PreconditionFailed', 'The ETag supplied did not match the ETag of the resource.');

export const payloadTooLarge = (): RedfishError =>
  new RedfishError(413, 'GeneralError', 'The request body is larger than the service accepts.');

export const internalError = (): RedfishError =>
  new RedfishError(500, 'InternalError', 'The request failed due to an internal service error.');
