import { type FieldRequirement, matchesFields, parseFieldSelector } from './field-selector.js';
import { type LabelRequirement, matchesLabels, parseLabelSelector } from './label-selector.js';
import type { ResourceDef } from './resources.js';
import type { KubeObject } from './types.js';

/** What selects objects for a list or watch: an optional namespace and both selectors. */
export interface ObjectFilter {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

/** A predicate over objects of one kind; throws SelectorError (a 400) for selectors that don't parse. */
export function compileFilter(def: ResourceDef, filter: ObjectFilter): (object: KubeObject) => boolean {
  const labels: LabelRequirement[] = parseLabelSelector(filter.labelSelector ?? '');
  const fields: FieldRequirement[] = parseFieldSelector(filter.fieldSelector ?? '', def.fields);
  const { namespace } = filter;
  return (object) =>
    (!namespace || object.metadata.namespace === namespace) &&
    matchesLabels(labels, object.metadata.labels) &&
    matchesFields(fields, object);
}
