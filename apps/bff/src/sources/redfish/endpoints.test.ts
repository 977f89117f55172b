import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../config.js';
import { resolveEndpoints } from './endpoints.js';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const files: Record<string, string> = {
  '/etc/ca.pem': PEM,
  '/run/secrets/enc2': 'file-Secret-2\n',
};
const readFile = (path: string) => {
  const text = files[path];
  if (text === undefined) throw new Error('ENOENT');
  return text;
};
const flags = { urls: [] as string[], file: '', ca: '', insecure: false };
const mistake = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('Redfish endpoints from flags and a file', () => {
  it('reads credentials by reference, a CA, and warns of --redfish-insecure', () => {
    files['/etc/endpoints.json'] = JSON.stringify({
      endpoints: [
        { url: 'https://enc-1.example/redfish/v1/', username: 'reader', password: { env: 'ENC1_PASSWORD' } },
        {
          url: 'https://enc-2.example:8443',
          username: { env: 'ENC2_USER' },
          password: { file: '/run/secrets/enc2' },
          ca: '/etc/ca.pem',
        },
      ],
    });
    const { endpoints, warnings } = resolveEndpoints(
      { ...flags, urls: ['https://rack-7.example'], file: '/etc/endpoints.json', insecure: true },
      {
        ENC1_PASSWORD: 'env-Secret-1',
        ENC2_USER: 'ops',
        REDFISH_USERNAME: 'admin',
        REDFISH_PASSWORD: 'env-Secret-0',
      },
      readFile,
    );
    expect(endpoints).toEqual([
      {
        url: 'https://rack-7.example',
        credentials: { username: 'admin', password: 'env-Secret-0' },
        tls: { ca: undefined, insecure: true },
      },
      {
        url: 'https://enc-1.example',
        credentials: { username: 'reader', password: 'env-Secret-1' },
        tls: { ca: undefined, insecure: true },
      },
      {
        url: 'https://enc-2.example:8443',
        credentials: { username: 'ops', password: 'file-Secret-2' },
        tls: { ca: PEM, insecure: true },
      },
    ]);
    expect(warnings).toEqual([
      expect.stringMatching(/^--redfish-insecure: TLS certificates .* not verified/),
    ]);
  });

  it('refuses inline passwords and credentials in URLs without echoing them', () => {
    files['/etc/inline.json'] = JSON.stringify({
      endpoints: [{ url: 'https://a.example', username: 'u', password: 'hunter2-inline' }],
    });
    const inline = mistake(() => resolveEndpoints({ ...flags, file: '/etc/inline.json' }, {}, readFile));
    expect(inline).toMatch(/endpoints\.0\.password: .*never the password itself/);
    expect(inline).not.toContain('hunter2-inline');
    const inUrl = mistake(() =>
      resolveEndpoints({ ...flags, urls: ['https://u:hunter2-url@a.example'] }, {}, readFile),
    );
    expect(inUrl).toMatch(/credentials do not go in the URL/);
    expect(inUrl).not.toContain('hunter2-url');
  });

  it('names a missing variable, an unreadable CA and plain HTTP', () => {
    files['/etc/missing.json'] = JSON.stringify({
      endpoints: [{ url: 'https://a.example', username: 'u', password: { env: 'NOPE' } }],
    });
    expect(mistake(() => resolveEndpoints({ ...flags, file: '/etc/missing.json' }, {}, readFile))).toMatch(
      /endpoints\.0\.password: environment variable NOPE is not set/,
    );
    expect(
      mistake(() =>
        resolveEndpoints({ ...flags, urls: ['https://a.example'], ca: '/etc/none.pem' }, {}, readFile),
      ),
    ).toMatch(/--redfish-ca \/etc\/none.pem: cannot be read/);
    expect(resolveEndpoints({ ...flags, urls: ['http://bmc.example'] }, {}, readFile).warnings).toEqual([
      expect.stringContaining('plain HTTP'),
    ]);
  });
});
