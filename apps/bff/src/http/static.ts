import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type RequestHandler, Router } from 'express';
import { sendError } from './errors.js';

/** Serves the built console; every non-API path falls back to index.html (client routing). */
export function webRoutes(webRoot: string): Router {
  const router = Router();
  const index = join(webRoot, 'index.html');
  // Hashed asset names never change content, so browsers may keep them for a year.
  router.use(
    '/assets',
    express.static(join(webRoot, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }),
  );
  router.use(express.static(webRoot, { index: false }));
  const spa: RequestHandler = (_req, res) => {
    if (!existsSync(index)) {
      sendError(res, 'UNAVAILABLE', `the web console is not built (${index} missing); run "npm run build"`);
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  };
  router.get(/^(?!\/api\/|\/socket\.io\/).*/, spa);
  return router;
}
