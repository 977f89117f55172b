import express, { type RequestHandler } from 'express';
import { currentRequest } from '../audit/request-context.js';

const parseJson = express.json({ limit: '64kb' });

/**
 * Reads a JSON body once the caller has passed the route's access check, so a stranger's body is
 * never inflated or parsed (and a malformed one answers 401, like any other). The audit context
 * then learns the target a body names ({ name } or { username }) when the path named none.
 */
export const jsonBody: RequestHandler = (req, res, next) => {
  parseJson(req, res, (error?: unknown) => {
    if (error) return next(error);
    const context = currentRequest();
    if (context && !context.target) {
      const named = bodyName(req.body);
      if (named) context.target = `${resourceOf(req.baseUrl, req.path)}:${named.slice(0, 200)}`;
    }
    next();
  });
};

function bodyName(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const named = record.name ?? record.username;
  return typeof named === 'string' ? named : undefined;
}

/** "volume" from /api/v1/volumes. */
function resourceOf(baseUrl: string, path: string): string {
  const [resource] = path.split('/').filter(Boolean);
  const fallback = baseUrl.split('/').filter(Boolean).at(-1) ?? '';
  return (resource ?? fallback).replace(/s$/, '');
}
