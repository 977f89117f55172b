import { it } from 'vitest';
import { removeDir, startTestApp } from '../testing/test-app.js';

it('scratch', async () => {
  const t = await startTestApp();
  let captured: any;
  const grab = (req: any) => {
    captured = req;
  };
  t.app.http.prependListener('request', grab);
  await fetch(`${t.url}/healthz`);
  t.app.http.off('request', grab);
  const app = captured.app;
  console.log(typeof app, Object.keys(app).slice(0, 40), !!app.router);
  const walk = (stack: any[], prefix: string, depth: number) => {
    for (const l of stack) {
      console.log(
        ' '.repeat(depth * 2),
        l.name,
        String(l.rawPath),
        l.route ? Object.keys(l.route.methods) : '',
        l.route?.path,
        !!l.handle?.stack,
        l.slash,
      );
      if (l.handle?.stack) walk(l.handle.stack, prefix + (l.rawPath ?? ''), depth + 1);
    }
  };
  walk(app.router.stack, '', 0);
  const r = await fetch(`${t.url}/api/v1/users`, { method: 'OPTIONS' });
  console.log('anon options', r.status, r.headers.get('content-type'), await r.text());
  console.log(t.app.security.table.rules.length);
  await t.stop();
  removeDir(t.dataDir);
});
