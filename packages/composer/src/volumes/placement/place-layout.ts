import type { StorageClassParameters } from '@drivebay/api-types';
import { type CompositionError, fail, ok, type Result } from '../types.js';
import { diagnose, type Enforced } from './diagnose.js';
import type { MemberSource } from './member-source.js';
import { type Picked, pickMembers } from './pick-members.js';

/** One way to lay a volume out, tried in order of preference. */
export interface LayoutOption {
  /** How the explanation names it ("≥ 20 TB drives"). */
  readonly label: string;
  readonly sets: number;
  readonly copies: 1 | 2;
  /** A fresh source for one attempt (attempts reserve candidates as they go). */
  source(): MemberSource;
}

/** The option that worked, its members and the best-effort rules it could not meet. */
export interface Placed {
  readonly option: LayoutOption;
  readonly picked: Picked[];
  readonly warnings: string[];
}

/**
 * The rules to try, in order. Mirrored layouts first try every failure-domain rule, the optional
 * ones too (sgResiliency / jbodResiliency false mean "still try"); only if no option meets them
 * all does a second pass enforce just the required ones, reporting each shortfall as a warning.
 */
export function passesFor(params: StorageClassParameters, mirrored: boolean): Enforced[] {
  const distinctDomains = !params.softDomains;
  const strict = { sg: true, jbod: true, distinctDomains };
  if (!mirrored || (params.sgResiliency && params.jbodResiliency)) return [strict];
  return [strict, { sg: params.sgResiliency, jbod: params.jbodResiliency, distinctDomains }];
}

/** Tries each option under each pass; the first whose members can all be picked wins. */
export function placeLayout(
  options: readonly LayoutOption[],
  params: StorageClassParameters,
  explanation: string[],
): Result<Placed> {
  const mirrored = options.some((o) => o.copies === 2);
  const passes = passesFor(params, mirrored);
  let errors: { option: LayoutOption; error: CompositionError }[] = [];
  for (const [p, rules] of passes.entries()) {
    errors = [];
    for (const option of options) {
      const source = option.source();
      const outcome = pickMembers(source, option.sets, option.copies, rules);
      if (outcome.ok) return ok({ option, picked: outcome.picked, warnings: outcome.warnings });
      // Counting says which constraint bound; the greedy's own message is the fallback.
      const need = { members: option.sets * option.copies, pairs: option.copies === 2 ? option.sets : 0 };
      const error = diagnose(option.source().availability(), need, rules, source.what) ?? {
        code: 'RESOURCE_EXHAUSTED' as const,
        message: outcome.message,
      };
      errors.push({ option, error });
      explanation.push(`${option.label}: ${error.message}`);
    }
    if (p < passes.length - 1) {
      explanation.push(
        `no option keeps every mirrored pair across storage groups and enclosures; best effort ` +
          `(sgResiliency=${params.sgResiliency}, jbodResiliency=${params.jbodResiliency}) relaxes what is optional`,
      );
    }
  }
  return failWith(errors);
}

/** The first option's failure, naming what stopped the others. */
function failWith(errors: { option: LayoutOption; error: CompositionError }[]): Result<Placed> {
  const [first, ...rest] = errors;
  if (!first) return fail('RESOURCE_EXHAUSTED', 'no layout to try');
  const others = rest.map((e) => `${e.option.label}: ${e.error.message.split(':')[0]}`);
  const message =
    others.length > 0 ? `${first.error.message} (also tried ${others.join('; ')})` : first.error.message;
  return fail(first.error.code, message, first.error.field);
}
