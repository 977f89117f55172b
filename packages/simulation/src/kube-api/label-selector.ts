/** One requirement of a label selector, in the apiserver's operator vocabulary. */
export type LabelRequirement =
  | { key: string; op: 'exists' | 'notexists' }
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'gt' | 'lt'; value: number };

/** A selector string the apiserver would reject (answered with 400). */
export class SelectorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SelectorError';
  }
}

const KEY = `(?:[a-z0-9](?:[-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?`;
const VALUE = `(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?)?`;
const SET = new RegExp(`^(${KEY})\\s+(in|notin)\\s*\\(([^()]*)\\)$`);
const EQUALITY = new RegExp(`^(${KEY})\\s*(==|!=|=)\\s*(${VALUE})$`);
const ORDER = new RegExp(`^(${KEY})\\s*([<>])\\s*(-?\\d+)$`);
const EXISTS = new RegExp(`^(!?)\\s*(${KEY})$`);
const VALUE_ONLY = new RegExp(`^${VALUE}$`);

/** Parses `app=x,tier!=db,env in (a,b),!legacy` into requirements; an empty string selects everything. */
export function parseLabelSelector(text: string): LabelRequirement[] {
  return splitTopLevel(text).map(parseRequirement);
}

/** True when the labels satisfy every requirement (absent keys satisfy != and notin, as in Kubernetes). */
export function matchesLabels(
  requirements: LabelRequirement[],
  labels: Record<string, string> = {},
): boolean {
  return requirements.every((req) =>
    holds(req, Object.hasOwn(labels, req.key) ? labels[req.key] : undefined),
  );
}

function holds(req: LabelRequirement, value: string | undefined): boolean {
  switch (req.op) {
    case 'exists':
      return value !== undefined;
    case 'notexists':
      return value === undefined;
    case 'in':
      return value !== undefined && req.values.includes(value);
    case 'notin':
      return value === undefined || !req.values.includes(value);
    case 'gt':
    case 'lt':
      // Only integer label values compare; anything else fails both operators.
      if (value === undefined || !/^-?\d+$/.test(value)) return false;
      return req.op === 'gt' ? Number(value) > req.value : Number(value) < req.value;
  }
}

// Commas separate requirements except inside the parentheses of an in/notin set.
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth--;
    else if (text[i] === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  const trimmed = parts.map((part) => part.trim());
  if (trimmed.length === 1 && trimmed[0] === '') return [];
  return trimmed;
}

function parseRequirement(part: string): LabelRequirement {
  const set = SET.exec(part);
  if (set) {
    const values = set[3]!.split(',').map((value) => value.trim());
    if (values.some((value) => !VALUE_ONLY.test(value)))
      throw new SelectorError(`invalid value in "${part}"`);
    if (values.every((value) => value === ''))
      throw new SelectorError(`values set can't be empty in "${part}"`);
    return { key: set[1]!, op: set[2] as 'in' | 'notin', values };
  }
  const equality = EQUALITY.exec(part);
  if (equality) {
    const values = [equality[3] ?? ''];
    return { key: equality[1]!, op: equality[2] === '!=' ? 'notin' : 'in', values };
  }
  const order = ORDER.exec(part);
  if (order) return { key: order[1]!, op: order[2] === '>' ? 'gt' : 'lt', value: Number(order[3]) };
  const exists = EXISTS.exec(part);
  if (exists) return { key: exists[2]!, op: exists[1] ? 'notexists' : 'exists' };
  throw new SelectorError(`unable to parse requirement: "${part}"`);
}
