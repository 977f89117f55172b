import { describe, expect, it } from 'vitest';
import { AssemblyError, assemble } from './assemble.js';
import { defineModule, serviceRef } from './module.js';

const base = serviceRef<number>('base');
const doubled = serviceRef<number>('doubled');
const text = serviceRef<string>('text');

describe('assembling modules', () => {
  it('initialises each module after the providers of what it needs, whatever the list order', async () => {
    const steps: string[] = [];
    const consumer = defineModule({
      name: 'consumer',
      deps: { doubled },
      provides: { text },
      init({ doubled }, lifecycle) {
        lifecycle.onStart(() => void steps.push('start consumer'));
        lifecycle.onStop(() => void steps.push('stop consumer'));
        return { text: `is ${doubled}` };
      },
    });
    const doubler = defineModule({
      name: 'doubler',
      deps: { base },
      provides: { doubled },
      init({ base }, lifecycle) {
        lifecycle.onStart(() => void steps.push('start doubler'));
        lifecycle.onStop(() => void steps.push('stop doubler'));
        lifecycle.onAssembled(() => void steps.push('assembled'));
        return { doubled: base * 2 };
      },
    });
    const assembly = assemble([consumer, doubler], new Map([[base.id, 21]]));
    expect(assembly.order).toEqual(['doubler', 'consumer']);
    expect(assembly.get(text)).toBe('is 42');
    expect(steps).toEqual(['assembled']);
    await assembly.start();
    await assembly.stop();
    expect(steps).toEqual(['assembled', 'start doubler', 'start consumer', 'stop consumer', 'stop doubler']);
  });

  it('names the module whose need nobody provides, a service provided twice, and a cycle', () => {
    const needy = defineModule({ name: 'needy', deps: { text }, init: () => undefined });
    expect(() => assemble([needy], new Map())).toThrow(
      new AssemblyError('module needy needs "text", which no module provides'),
    );
    const one = defineModule({ name: 'one', deps: {}, provides: { text }, init: () => ({ text: 'a' }) });
    const two = defineModule({ name: 'two', deps: {}, provides: { text }, init: () => ({ text: 'b' }) });
    expect(() => assemble([one, two], new Map())).toThrow(
      /"text" is provided twice: by module one and by module two/,
    );
    const a = defineModule({
      name: 'a',
      deps: { text },
      provides: { doubled },
      init: () => ({ doubled: 1 }),
    });
    const b = defineModule({ name: 'b', deps: { doubled }, provides: { text }, init: () => ({ text: 'x' }) });
    expect(() => assemble([a, b], new Map())).toThrow(/cycle: a → b → a/);
  });

  it('stops every module even when one stop fails, and reports the failure', async () => {
    const stopped: string[] = [];
    const failing = defineModule({
      name: 'failing',
      deps: {},
      init(_deps, lifecycle) {
        lifecycle.onStop(() => {
          throw new Error('stuck');
        });
      },
    });
    const fine = defineModule({
      name: 'fine',
      deps: {},
      init(_deps, lifecycle) {
        lifecycle.onStop(() => void stopped.push('fine'));
      },
    });
    const assembly = assemble([fine, failing], new Map());
    await expect(assembly.stop()).rejects.toThrow('stuck');
    expect(stopped).toEqual(['fine']);
  });
});
