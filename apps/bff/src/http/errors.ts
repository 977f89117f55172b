import { type ErrorBody, type ErrorCode, httpStatusForCode } from '@drivebay/api-types';
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { ZodError } from 'zod';
import { CommandError } from '../commands/errors.js';
import type { Logger } from '../log.js';
import { requestIdOf } from './request-log.js';

/** Sends the one error shape with the status that fits its code. */
export function sendError(
  res: Response,
  code: ErrorCode,
  message: string,
  field?: string,
  status = httpStatusForCode[code],
): void {
  const body: ErrorBody = { error: { code, message, ...(field ? { field } : {}) } };
  // The audit record of a refused request names the code.
  res.locals.errorCode = code;
  res.status(status).json(body);
}

/** Unknown API routes answer in JSON, never with an HTML page; to strangers, 401 (no route map for them). */
export const apiNotFound: RequestHandler = (req, res) => {
  if (!res.locals.principal) {
    sendError(
      res,
      'UNAUTHENTICATED',
      'sign in first (POST /api/v1/auth/login), or send Authorization: Bearer <token>',
    );
    return;
  }
  sendError(res, 'NOT_FOUND', `no route ${req.method} ${req.path}; see the README for the API`);
};

/** Anything no route serves (a path under /api/ but not /api/v1, a POST to a console page): JSON, never HTML. */
export const notFound: RequestHandler = (req, res) => {
  sendError(res, 'NOT_FOUND', `no route ${req.method} ${req.path}; the API is under /api/v1`);
};

/** Describes the first zod issue as "field: what is allowed". */
export function describeZodError(error: ZodError, root: string): { field: string; message: string } {
  const issue = error.issues[0];
  const field = [root, ...(issue?.path ?? []).map(String)].filter(Boolean).join('.');
  return { field, message: `${field}: ${issue?.message ?? 'invalid value'}` };
}

/** Maps every error to the error shape: bad input is a 400 naming the field, never a 500. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    if (res.headersSent) return;
    if (error instanceof ZodError) {
      const { field, message } = describeZodError(error, '');
      sendError(res, 'INVALID_ARGUMENT', message, field);
      return;
    }
    if (error instanceof CommandError) {
      sendError(res, error.code, error.message, error.field, error.status);
      return;
    }
    const parserError = bodyParserError(error);
    if (parserError) {
      sendError(res, parserError.code, parserError.message, 'body');
      return;
    }
    const clientError = httpClientError(error, req.path);
    if (clientError?.field === 'path' && !res.locals.principal) {
      // Params are decoded while routes are matched, before the route's access check: a stranger
      // learns nothing about the route map from a malformed path, just as from a well-formed one.
      sendError(
        res,
        'UNAUTHENTICATED',
        'sign in first (POST /api/v1/auth/login), or send Authorization: Bearer <token>',
      );
      return;
    }
    if (clientError) {
      sendError(res, clientError.code, clientError.message, clientError.field, clientError.status);
      return;
    }
    log.error('request failed', {
      requestId: requestIdOf(res),
      method: req.method,
      path: req.path,
      error: String(error),
    });
    sendError(res, 'INTERNAL', 'internal error; the server log has the details');
  };
}

/** express.json() signals malformed or oversized bodies with a `type` on the error. */
function bodyParserError(error: unknown): { code: ErrorCode; message: string } | undefined {
  if (typeof error !== 'object' || error === null || !('type' in error)) return undefined;
  switch (error.type) {
    case 'entity.parse.failed':
      return { code: 'INVALID_ARGUMENT', message: 'body: not valid JSON' };
    case 'entity.too.large':
      return { code: 'OUT_OF_RANGE', message: 'body: larger than the 64 KiB allowed' };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { code: 'INVALID_ARGUMENT', message: 'body: unsupported encoding; send UTF-8 JSON' };
    default:
      return undefined;
  }
}

/**
 * Errors that Express and its middleware raise with a 4xx status (http-errors): a path that is not
 * valid percent-encoding, a compressed body that does not inflate, a missing static file. They are
 * the client's fault, so they answer in the error shape with their own status rather than as a 500.
 */
function httpClientError(
  error: unknown,
  path: string,
): { code: ErrorCode; message: string; field?: string; status: number } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = 'status' in error && typeof error.status === 'number' ? error.status : undefined;
  if (status === undefined || status < 400 || status > 499) return undefined;
  if (status === 404) return { code: 'NOT_FOUND', message: `${path}: no such file`, status };
  if (status === 413) return { code: 'OUT_OF_RANGE', message: 'body: too large', field: 'body', status };
  if (error instanceof URIError || (error instanceof Error && /decode param/i.test(error.message)))
    return {
      code: 'INVALID_ARGUMENT',
      message: 'path: not valid percent-encoding',
      field: 'path',
      status: 400,
    };
  if (status === 415)
    return {
      code: 'INVALID_ARGUMENT',
      message: 'body: unsupported content encoding or type',
      field: 'body',
      status,
    };
  return {
    code: 'INVALID_ARGUMENT',
    message: 'body: could not be read (a compressed body that does not inflate, or a truncated one)',
    field: 'body',
    status: 400,
  };
}
