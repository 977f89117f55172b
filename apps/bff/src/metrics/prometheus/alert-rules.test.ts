import { readFileSync } from 'node:fs';
import { PrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { siteRegistry } from './site-metrics.js';

// deploy/prometheus: the alert rules name only what /metrics exports, with labels it has, and the
// PrometheusRule carries the same rules as the plain file. (promtool is not installable here.)

const dir = new URL('../../../../../deploy/prometheus/', import.meta.url);
interface Rule {
  alert: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
interface Group {
  name: string;
  rules: Rule[];
}

const plain = parse(readFileSync(new URL('rules.yaml', dir), 'utf8')) as { groups: Group[] };
const operator = parse(readFileSync(new URL('prometheusrule.yaml', dir), 'utf8')) as {
  spec: { groups: Group[] };
};
const rules = plain.groups.flatMap((g) => g.rules);

/** Each metric /metrics serves and its label names, from the registry the server builds. */
const exported = new Map<string, Set<string>>();
const registry = siteRegistry({
  site: () => {
    throw new Error('not scraped here');
  },
  feed: () => ({ revision: 0, error: undefined }),
  liveClients: () => 0,
  clusters: () => [],
});
for (const metric of registry.getMetricsAsArray()) {
  const labelNames = (metric as unknown as { labelNames?: string[] }).labelNames ?? [];
  exported.set(metric.name, new Set(labelNames));
}

describe('the alert rules', () => {
  it('cover what an operator must be woken for', () => {
    expect(rules.map((r) => r.alert)).toEqual([
      'DrivebayDriveFailed',
      'DrivebayVolumeDegraded',
      'DrivebayRebuildStalled',
      'DrivebayTierNearlyFull',
      'DrivebayEnclosureOffline',
      'DrivebayClusterNotWatched',
      'DrivebayStoreUnreachable',
    ]);
    for (const rule of rules) {
      expect(rule.labels?.severity, rule.alert).toMatch(/^(critical|warning)$/);
      expect(rule.annotations?.summary, rule.alert).toBeTruthy();
      expect(rule.for, rule.alert).toMatch(/^\d+[smh]$/);
    }
  });

  it.each(rules.map((r) => [r.alert, r] as const))(
    '%s reads only exported metrics and their labels',
    (_, rule) => {
      expect(balanced(rule.expr), rule.expr).toBe(true);
      const selectors = [...rule.expr.matchAll(/(drivebay_\w+)(?:\{([^}]*)\})?/g)];
      expect(selectors.length).toBeGreaterThan(0);
      for (const [, name = '', matchers = ''] of selectors) {
        const labels = exported.get(name);
        expect(labels, `${name} is not exported by /metrics`).toBeDefined();
        for (const matcher of matchers.split(',').filter((m) => m.trim())) {
          const label =
            matcher
              .trim()
              .split(/=~|!=|!~|=/)[0]
              ?.trim() ?? '';
          expect(labels?.has(label), `${name} has no label ${label}`).toBe(true);
        }
      }
      for (const [, label = ''] of rule.expr.matchAll(/ignoring\((\w+)\)/g))
        expect(
          [...exported.values()].some((l) => l.has(label)),
          `no metric has label ${label}`,
        ).toBe(true);
    },
  );

  it('are the same in the PrometheusRule, which validates against the operator schema', () => {
    expect(operator.spec.groups).toEqual(plain.groups);
    expect(() => new PrometheusRule(operator as never).validate()).not.toThrow();
  });
});

/** Parentheses, braces and brackets close in order (a cheap syntax check in place of promtool). */
function balanced(expr: string): boolean {
  const open: string[] = [];
  const pairs: Record<string, string> = { ')': '(', '}': '{', ']': '[' };
  let quoted = false;
  for (const ch of expr) {
    if (ch === '"') quoted = !quoted;
    if (quoted) continue;
    if ('({['.includes(ch)) open.push(ch);
    else if (ch in pairs && open.pop() !== pairs[ch]) return false;
  }
  return open.length === 0 && !quoted;
}
