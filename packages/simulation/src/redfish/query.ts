import { badQuery, queryNotSupported } from './errors.js';

/** How deep `$expand` may go; advertised in ProtocolFeaturesSupported. */
export const MAX_EXPAND_LEVELS = 3;

/**
 * Which references `$expand` replaces by what they point at: `.` subordinate resources
 * (not under Links), `~` only those under Links, `*` both.
 */
export type ExpandMode = 'subordinate' | 'links' | 'all';

export interface Expand {
  mode: ExpandMode;
  levels: number;
}

export interface RedfishQuery {
  top?: number;
  skip: number;
  expand?: Expand;
  /** The `$expand` value as sent, carried into nextLinks. */
  expandText?: string;
}

const MODES: Record<string, ExpandMode> = { '.': 'subordinate', '~': 'links', '*': 'all' };
const EXPAND = /^([.~*])(?:\(\$levels=(\d{1,3})\))?$/;

/**
 * Reads the query parameters the service supports. Unknown `$` parameters are refused with
 * 501 as DSP0266 asks; other parameters are not Redfish's and are ignored.
 */
export function parseQuery(params: URLSearchParams, expandSupported: boolean): RedfishQuery {
  const query: RedfishQuery = { skip: 0 };
  for (const [name, value] of params) {
    switch (name) {
      case '$top':
        query.top = count(name, value);
        break;
      case '$skip':
        query.skip = count(name, value);
        break;
      case '$expand':
        if (!expandSupported) throw queryNotSupported(name);
        query.expand = parseExpand(value);
        query.expandText = value;
        break;
      default:
        if (name.startsWith('$')) throw queryNotSupported(name);
    }
  }
  return query;
}

function count(name: string, value: string): number {
  if (!/^\d{1,9}$/.test(value)) throw badQuery('QueryParameterValueFormatError', name, value);
  return Number(value);
}

function parseExpand(value: string): Expand {
  const match = EXPAND.exec(value);
  const mode = match && MODES[match[1] ?? ''];
  if (!match || !mode) throw badQuery('QueryParameterValueFormatError', '$expand', value);
  const levels = match[2] === undefined ? 1 : Number(match[2]);
  if (levels < 1 || levels > MAX_EXPAND_LEVELS) throw badQuery('QueryParameterOutOfRange', '$expand', value);
  return { mode, levels };
}
