// The alert expressions of deploy/prometheus, evaluated against one scrape of /metrics, for the
// shapes the instant-vector rules use: `sum(selector) > n`, `selector == n`, `selector > n`.
// promtool is not installable here; this is just enough PromQL to see an alert become true from
// what the server really exports. A shape it does not know is an error, never a silent "false".

interface Series {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of a Prometheus text-format scrape (comments and histograms' buckets included). */
export function parseScrape(text: string): Series[] {
  const series: Series[] = [];
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match || line.startsWith('#')) continue;
    const labels: Record<string, string> = {};
    for (const [, key = '', value = ''] of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g))
      labels[key] = value;
    series.push({ name: match[1] ?? '', labels, value: Number(match[3]) });
  }
  return series;
}

/** The series a selector such as `drivebay_drives{state="failed"}` picks (=, !=, =~, !~). */
function select(all: Series[], selector: string): Series[] {
  const match = /^\s*(\w+)\s*(?:\{([^}]*)\})?\s*$/.exec(selector);
  if (!match) throw new Error(`not a selector: ${selector}`);
  const matchers = [...(match[2] ?? '').matchAll(/(\w+)\s*(=~|!~|!=|=)\s*"([^"]*)"/g)].map(
    ([, label = '', op = '', value = '']) => ({ label, op, value }),
  );
  return all.filter(
    (s) =>
      s.name === match[1] &&
      matchers.every(({ label, op, value }) => {
        const actual = s.labels[label] ?? '';
        if (op === '=') return actual === value;
        if (op === '!=') return actual !== value;
        const whole = new RegExp(`^(?:${value})$`).test(actual);
        return op === '=~' ? whole : !whole;
      }),
  );
}

/** Whether the alert's expression has at least one series where it holds (the alert would be pending). */
export function alertHolds(expr: string, scrape: string): boolean {
  const all = parseScrape(scrape);
  const compare = /^(.*?)\s*(==|!=|>=|<=|>|<)\s*(-?[\d.]+)\s*$/s.exec(expr.trim());
  if (!compare) throw new Error(`expression shape not evaluated here: ${expr}`);
  const [, left = '', op = '', threshold = ''] = compare;
  const sum = /^sum\((.*)\)$/s.exec(left.trim());
  const values = sum
    ? [select(all, sum[1] ?? '').reduce((total, s) => total + s.value, 0)]
    : select(all, left).map((s) => s.value);
  const n = Number(threshold);
  const holds = {
    '==': (v: number) => v === n,
    '!=': (v: number) => v !== n,
    '>': (v: number) => v > n,
    '<': (v: number) => v < n,
    '>=': (v: number) => v >= n,
    '<=': (v: number) => v <= n,
  }[op];
  if (!holds) throw new Error(`operator ${op} not evaluated here`);
  return values.some(holds);
}
