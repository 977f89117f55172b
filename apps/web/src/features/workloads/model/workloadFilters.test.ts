import { describe, expect, it } from 'vitest';
import {
  apiFilters,
  matchesText,
  parseWorkloadFilters,
  withWorkloadFilters,
  workloadsHref,
} from './workloadFilters';

describe('parseWorkloadFilters', () => {
  it('reads the tab and the filters from the URL', () => {
    const params = new URLSearchParams(
      'tab=pods&cluster=sim&namespace=cassandra&q=cass&workload=StatefulSet/cassandra',
    );
    expect(parseWorkloadFilters(params)).toEqual({
      tab: 'pods',
      cluster: 'sim',
      namespace: 'cassandra',
      q: 'cass',
      workload: 'StatefulSet/cassandra',
    });
  });

  it('shows workloads for a missing or unknown tab, and drops values the server would reject', () => {
    expect(
      parseWorkloadFilters(new URLSearchParams('tab=secrets&cluster=Not%20An%20Id&workload=cassandra')),
    ).toEqual({
      tab: 'workloads',
    });
    expect(parseWorkloadFilters(new URLSearchParams('q=%20%20'))).toEqual({ tab: 'workloads' });
  });
});

describe('withWorkloadFilters', () => {
  it('sets, replaces and removes parameters, keeping the others', () => {
    const params = new URLSearchParams('cluster=sim&tab=pods&q=old');
    const next = withWorkloadFilters(params, { q: ' new ', cluster: undefined, namespace: '' });
    expect(next.toString()).toBe('tab=pods&q=new');
  });

  it('leaves the default tab out of the URL', () => {
    expect(withWorkloadFilters(new URLSearchParams('tab=pods'), { tab: 'workloads' }).toString()).toBe('');
  });
});

describe('workloadsHref', () => {
  it('links to a view of the page', () => {
    expect(workloadsHref({ tab: 'pods', cluster: 'sim', workload: 'StatefulSet/kafka' })).toBe(
      '/workloads?tab=pods&cluster=sim&workload=StatefulSet%2Fkafka',
    );
    expect(workloadsHref({})).toBe('/workloads');
  });
});

describe('apiFilters', () => {
  it('keeps only the filters a view takes, plus its extras', () => {
    const filters = parseWorkloadFilters(new URLSearchParams('cluster=sim&namespace=kafka&q=k'));
    expect(apiFilters(filters, ['cluster', 'namespace'])).toEqual({ cluster: 'sim', namespace: 'kafka' });
    expect(apiFilters(filters, ['cluster', 'q', 'workload'], { limit: '500' })).toEqual({
      cluster: 'sim',
      q: 'k',
      limit: '500',
    });
  });
});

describe('matchesText', () => {
  it('matches namespace/name in any case', () => {
    expect(matchesText('cassandra', 'cassandra-0', 'CASS')).toBe(true);
    expect(matchesText('kafka', 'kafka-0', 'a/k')).toBe(true);
    expect(matchesText('kafka', 'kafka-0', 'cass')).toBe(false);
    expect(matchesText('kafka', 'kafka-0', undefined)).toBe(true);
  });
});
