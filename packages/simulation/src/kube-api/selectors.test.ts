import { describe, expect, it } from 'vitest';
import { matchesFields, parseFieldSelector } from './field-selector.js';
import { matchesLabels, parseLabelSelector, SelectorError } from './label-selector.js';
import { resourceDef } from './resources.js';
import { compileFilter } from './selectors.js';
import type { KubeObject } from './types.js';

const labels = { app: 'web', tier: 'front', 'drivebay.io/volume': 'v-1', replicas: '3' };
const select = (selector: string, on: Record<string, string> = labels) =>
  matchesLabels(parseLabelSelector(selector), on);

function pod(name: string, nodeName: string | undefined, phase: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'shop', labels: { app: name } },
    spec: nodeName ? { nodeName } : {},
    status: { phase },
  };
}

describe('label selectors', () => {
  it('treats =, == and != like the apiserver, with absent keys satisfying !=', () => {
    expect(select('app=web')).toBe(true);
    expect(select('app==web')).toBe(true);
    expect(select('app=db')).toBe(false);
    expect(select('app!=db')).toBe(true);
    expect(select('app!=web')).toBe(false);
    expect(select('missing!=x')).toBe(true);
    expect(select('drivebay.io/volume=v-1')).toBe(true);
  });

  it('handles set operators, existence and commas inside parentheses', () => {
    expect(select('app in (db, web)')).toBe(true);
    expect(select('app in (db,cache)')).toBe(false);
    expect(select('app notin (db,cache)')).toBe(true);
    expect(select('missing notin (x)')).toBe(true);
    expect(select('missing in (x)')).toBe(false);
    expect(select('tier')).toBe(true);
    expect(select('!tier')).toBe(false);
    expect(select('!missing')).toBe(true);
    expect(select('app in (web,db),tier=front,!legacy')).toBe(true);
    expect(select('app in (web,db),tier=back')).toBe(false);
  });

  it('compares numbers with > and <, and an empty selector selects everything', () => {
    expect(select('replicas>2')).toBe(true);
    expect(select('replicas<2')).toBe(false);
    expect(select('app>2')).toBe(false);
    expect(parseLabelSelector('')).toEqual([]);
    expect(select('', {})).toBe(true);
  });

  it('rejects what the apiserver rejects', () => {
    for (const bad of ['app=web=x', 'app in web', '=x', 'app in ()', 'a b', 'app in (a b)'])
      expect(() => parseLabelSelector(bad), bad).toThrow(SelectorError);
  });
});

describe('field selectors', () => {
  const podFields = resourceDef('pods').fields;

  it('selects pods by node and phase, with a missing field reading as empty', () => {
    const scheduled = pod('a', 'node-1', 'Running');
    const pending = pod('b', undefined, 'Pending');
    const on = (text: string, object: KubeObject) =>
      matchesFields(parseFieldSelector(text, podFields), object);
    expect(on('spec.nodeName=node-1', scheduled)).toBe(true);
    expect(on('spec.nodeName==node-2', scheduled)).toBe(false);
    expect(on('spec.nodeName=', pending)).toBe(true);
    expect(on('status.phase!=Running', scheduled)).toBe(false);
    expect(on('status.phase!=Running,metadata.name=b', pending)).toBe(true);
    expect(on('metadata.namespace=shop', pending)).toBe(true);
  });

  it('selects events on every field kubectl describe sends, with the reference the recorder writes', () => {
    const event: KubeObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'cassandra-0.17f', namespace: 'db' },
      involvedObject: {
        apiVersion: 'v1',
        kind: 'Pod',
        name: 'cassandra-0',
        namespace: 'db',
        uid: 'u-1',
        resourceVersion: '42',
        fieldPath: 'spec.containers{cassandra}',
      },
      reportingComponent: 'kubelet',
      source: { component: 'kubelet', host: 'node-1' },
      reason: 'Started',
      type: 'Normal',
    };
    const fields = resourceDef('events').fields;
    const on = (text: string) => matchesFields(parseFieldSelector(text, fields), event);
    // What `kubectl describe pod` (1.32) sends, and what describe pvc/node add.
    expect(on('involvedObject.name=cassandra-0,involvedObject.namespace=db,involvedObject.uid=u-1')).toBe(
      true,
    );
    expect(on('involvedObject.kind=Pod,involvedObject.apiVersion=v1,involvedObject.resourceVersion=42')).toBe(
      true,
    );
    expect(on('involvedObject.fieldPath=spec.containers{cassandra}')).toBe(true);
    expect(on('reportingComponent=kubelet,source=kubelet,reason=Started,type=Normal')).toBe(true);
    expect(on('involvedObject.uid=other')).toBe(false);
  });

  it('reads an absent boolean field as false, as the apiserver converts it', () => {
    const node: KubeObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' }, spec: {} };
    const cordoned = { ...node, spec: { unschedulable: true } };
    const fields = resourceDef('nodes').fields;
    expect(matchesFields(parseFieldSelector('spec.unschedulable=false', fields), node)).toBe(true);
    expect(matchesFields(parseFieldSelector('spec.unschedulable=false', fields), cordoned)).toBe(false);
  });

  it('refuses fields the kind does not index and terms without an operator', () => {
    expect(() => parseFieldSelector('spec.nodeName=x', resourceDef('persistentvolumes').fields)).toThrow(
      /field label not supported: spec.nodeName/,
    );
    expect(() => parseFieldSelector('metadata.name', podFields)).toThrow(SelectorError);
  });
});

describe('compileFilter', () => {
  it('combines namespace, labels and fields', () => {
    const matches = compileFilter(resourceDef('pods'), {
      namespace: 'shop',
      labelSelector: 'app in (a,b)',
      fieldSelector: 'spec.nodeName=node-1',
    });
    expect(matches(pod('a', 'node-1', 'Running'))).toBe(true);
    expect(matches(pod('b', 'node-2', 'Running'))).toBe(false);
    expect(matches(pod('c', 'node-1', 'Running'))).toBe(false);
    expect(
      matches({
        ...pod('a', 'node-1', 'Running'),
        metadata: { name: 'a', namespace: 'other', labels: { app: 'a' } },
      }),
    ).toBe(false);
  });
});
