import { type AuditPage, AuditQuerySchema, type AuditRecord } from '@drivebay/api-types';
import type { Router } from 'express';
import type { AccessTable } from '../../auth/access.js';
import type { AuditJournal } from '../../state/event-journal.js';
import { parseInput } from '../parse.js';
import { withinWindow } from '../time-window.js';

type AuditQuery = ReturnType<typeof AuditQuerySchema.parse>;
const COLUMNS = ['id', 'at', 'actor', 'ip', 'action', 'target', 'result', 'status', 'detail'] as const;

/** The audit log: newest first, filtered; as JSON pages or one CSV download. */
export function auditRoutes(table: AccessTable, journal: AuditJournal): Router {
  const routes = table.router();
  routes.get('/audit', 'viewer', (req, res) => {
    const query = parseInput(AuditQuerySchema, req.query, 'query');
    const matches: AuditRecord[] = [];
    for (const record of journal.newestFirst(undefined, query.before)) {
      if (matches.length > query.limit) break;
      if (matchesQuery(record, query)) matches.push(record);
    }
    const records = matches.slice(0, query.limit);
    if (query.format === 'csv') {
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', 'attachment; filename="drivebay-audit.csv"');
      res.send(toCsv(records));
      return;
    }
    const page: AuditPage = {
      records,
      nextBefore: matches.length > query.limit ? (records.at(-1)?.id ?? null) : null,
    };
    res.json(page);
  });
  return routes.router;
}

function matchesQuery(record: AuditRecord, query: AuditQuery): boolean {
  const has = (value: string | undefined, part: string | undefined) =>
    part === undefined || (value ?? '').toLowerCase().includes(part.toLowerCase());
  if (
    !has(record.actor, query.actor) ||
    !has(record.action, query.action) ||
    !has(record.target, query.target)
  )
    return false;
  if (query.result && !query.result.includes(record.result)) return false;
  if (!withinWindow(record.at, query.since, query.until)) return false;
  return true;
}

/** RFC 4180 CSV; cells that a spreadsheet would run as formulas are prefixed with ' (CSV injection). */
export function toCsv(records: readonly AuditRecord[]): string {
  const cell = (value: unknown) => {
    let text = value === undefined ? '' : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = records.map((r) => COLUMNS.map((c) => cell(r[c])).join(','));
  return `${[COLUMNS.join(','), ...lines].join('\r\n')}\r\n`;
}
