import type { MetricsHistory } from '@drivebay/api-types';
import { useMemo } from 'react';
import {
  Area,
  AreaChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { type HistoryRow, historyRows, historySpan, tickLabel } from '../model/historySeries';

const SERIES_COLOURS = { hdd: 'var(--chart-1)', ssdWhole: 'var(--chart-2)', ssdSliced: 'var(--chart-3)' };

/** Capacity used, allocations and the event rate over the recorded history (recharts; loaded only on the overview). */
export function HistoryCharts({ history }: { history: MetricsHistory }) {
  const rows = useMemo(() => historyRows(history), [history]);
  const newest = rows.at(-1)?.t ?? 0;
  const axis = {
    dataKey: 't',
    type: 'number' as const,
    domain: ['dataMin', 'dataMax'] as [string, string],
    scale: 'time' as const,
    tickFormatter: (t: number) => tickLabel(t, newest),
    stroke: 'var(--text-muted)',
  };
  const tooltip = {
    labelFormatter: (t: unknown) => `${new Date(Number(t)).toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    contentStyle: { background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' },
  };
  return (
    <section className="history" aria-label="History">
      <h2 className="history-title">History</h2>
      <p className="card-note">{sentence(historySpan(history, rows))}. Times are UTC.</p>
      {rows.length < 2 ? (
        <p className="card-note">The charts fill in as samples are recorded (one a minute).</p>
      ) : (
        <div className="history-charts">
          <Chart title="Capacity used (TB)">
            <AreaChart data={rows}>
              <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
              <XAxis {...axis} />
              <YAxis stroke="var(--text-muted)" width={56} />
              <Tooltip {...tooltip} />
              <Legend />
              <Area
                name="HDD"
                dataKey="hddUsedTB"
                stackId="1"
                stroke={SERIES_COLOURS.hdd}
                fill={SERIES_COLOURS.hdd}
                isAnimationActive={false}
              />
              <Area
                name="SSD whole"
                dataKey="ssdWholeUsedTB"
                stackId="1"
                stroke={SERIES_COLOURS.ssdWhole}
                fill={SERIES_COLOURS.ssdWhole}
                isAnimationActive={false}
              />
              <Area
                name="SSD sliced"
                dataKey="ssdSlicedUsedTB"
                stackId="1"
                stroke={SERIES_COLOURS.ssdSliced}
                fill={SERIES_COLOURS.ssdSliced}
                isAnimationActive={false}
              />
            </AreaChart>
          </Chart>
          <Chart title="Allocations">
            <LineChart data={rows}>
              <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
              <XAxis {...axis} />
              <YAxis stroke="var(--text-muted)" width={56} allowDecimals={false} />
              <Tooltip {...tooltip} />
              <Legend />
              <Line
                name="Volumes"
                dataKey="volumes"
                stroke={SERIES_COLOURS.hdd}
                dot={false}
                isAnimationActive={false}
              />
              <Line
                name="Drives and slices held"
                dataKey="allocations"
                stroke={SERIES_COLOURS.ssdSliced}
                strokeDasharray="5 3"
                dot={false}
                isAnimationActive={false}
              />
            </LineChart>
          </Chart>
          <Chart title="Events per minute">
            <LineChart data={rows as HistoryRow[]}>
              <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
              <XAxis {...axis} />
              <YAxis stroke="var(--text-muted)" width={56} />
              <Tooltip {...tooltip} />
              <Line
                name="Events per minute (peak)"
                dataKey="eventsPerMinute"
                stroke={SERIES_COLOURS.ssdWhole}
                dot={false}
                isAnimationActive={false}
              />
            </LineChart>
          </Chart>
        </div>
      )}
    </section>
  );
}

/** The span's words as the start of a sentence ("One sample so far"). */
function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function Chart({ title, children }: { title: string; children: React.ReactElement }) {
  return (
    <figure className="history-chart">
      <figcaption>{title}</figcaption>
      <ResponsiveContainer width="100%" height={200}>
        {children}
      </ResponsiveContainer>
    </figure>
  );
}
