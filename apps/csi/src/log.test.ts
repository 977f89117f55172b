import { describe, expect, it } from 'vitest';
import { createPluginLog } from './log.js';

describe('the plugin log', () => {
  it('writes JSON lines with level names, the plugin context and the fields, secrets censored', () => {
    const lines: string[] = [];
    const log = createPluginLog('info', { mode: 'node' }, { write: (line: string) => void lines.push(line) });
    log.debug('not at info');
    log.info('csi call', {
      rpc: 'NodeStageVolume',
      request: { volumeId: 'v1', secrets: { key: 's3cr3t-key' } },
    });
    expect(lines).toHaveLength(1);
    expect(lines.join('')).not.toContain('s3cr3t-key');
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      level: 'info',
      msg: 'csi call',
      mode: 'node',
      rpc: 'NodeStageVolume',
      request: { volumeId: 'v1', secrets: '[redacted]' },
    });
  });
});
