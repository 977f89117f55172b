import { SessionInfoSchema } from '@drivebay/api-types';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './apiError';
import { getJson } from './getJson';
import { sendJson } from './sendJson';
import { onUnauthorized } from './unauthorized';

const session = {
  user: { username: 'alice', role: 'admin', source: 'local' },
  expiresAt: '2030-01-01T00:00:00Z',
  idleTimeoutSeconds: 1800,
};

function answer(status: number, body?: unknown) {
  const text = body === undefined ? null : JSON.stringify(body);
  const fetchMock = vi.fn(async (_path: string, _init?: RequestInit) => new Response(text, { status }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('sendJson', () => {
  it('sends JSON with the CSRF header, same-origin credentials, and parses the answer', async () => {
    const fetchMock = answer(200, session);
    const result = await sendJson(
      'POST',
      '/api/v1/auth/login',
      { username: 'alice', password: 'x' },
      {
        schema: SessionInfoSchema,
      },
    );
    expect(result.user.username).toBe('alice');
    const init = fetchMock.mock.calls[0]?.[1];
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.headers).toMatchObject({
      'X-Requested-With': 'drivebay',
      'content-type': 'application/json',
    });
    expect(init?.body).toBe('{"username":"alice","password":"x"}');
  });

  it('sends no body and resolves for a 204', async () => {
    const fetchMock = answer(204);
    await expect(sendJson('DELETE', '/api/v1/tokens/t1')).resolves.toBeUndefined();
    expect(fetchMock.mock.calls[0]?.[1]?.body).toBeUndefined();
  });

  it('turns the error shape into an ApiError with code, status and field', async () => {
    answer(409, {
      error: { code: 'ALREADY_EXISTS', message: 'user bob already exists', field: 'body.username' },
    });
    const error = await sendJson('POST', '/api/v1/users', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'ALREADY_EXISTS', status: 409, field: 'body.username' });
  });

  it('reports a 401 once, unless told it is an expected answer', async () => {
    const handler = vi.fn();
    const restore = onUnauthorized(handler);
    answer(401, { error: { code: 'UNAUTHENTICATED', message: 'sign in' } });
    await expect(sendJson('POST', '/api/v1/volumes', {})).rejects.toMatchObject({ status: 401 });
    expect(handler).toHaveBeenCalledTimes(1);
    await expect(
      sendJson('POST', '/api/v1/auth/login', {}, { reportUnauthorized: false }),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(handler).toHaveBeenCalledTimes(1);
    restore();
  });

  it('does not report a 403: the role does not allow it, the session is fine', async () => {
    const handler = vi.fn();
    const restore = onUnauthorized(handler);
    answer(403, { error: { code: 'PERMISSION_DENIED', message: 'needs the operator role' } });
    await expect(sendJson('DELETE', '/api/v1/volumes/v1')).rejects.toMatchObject({
      code: 'PERMISSION_DENIED',
    });
    expect(handler).not.toHaveBeenCalled();
    restore();
  });
});

describe('getJson', () => {
  it('sends no CSRF header but does report a 401', async () => {
    const handler = vi.fn();
    const restore = onUnauthorized(handler);
    const fetchMock = answer(401);
    await expect(getJson('/api/v1/volumes', SessionInfoSchema)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    expect(fetchMock.mock.calls[0]?.[1]?.headers).not.toHaveProperty('X-Requested-With');
    expect(handler).toHaveBeenCalledTimes(1);
    restore();
  });

  it('names where the answer did not match the schema', async () => {
    answer(200, { user: { username: 'alice' } });
    await expect(getJson('/api/v1/auth/me', SessionInfoSchema)).rejects.toMatchObject({
      code: 'BAD_RESPONSE',
      message: expect.stringContaining('user.role'),
    });
  });
});
