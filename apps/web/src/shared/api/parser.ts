/** One validation problem, as zod reports it. */
export interface ParseIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/**
 * The part of a zod schema the web app needs. Typing against it keeps zod itself a
 * dependency of api-types only.
 */
export interface Parser<T> {
  safeParse(
    value: unknown,
  ): { success: true; data: T } | { success: false; error: { readonly issues: readonly ParseIssue[] } };
}

/** "at drives.health.codes.3: Invalid input", for error messages. */
export function describeIssues(issues: readonly ParseIssue[]): string {
  const issue = issues[0];
  if (!issue) return '';
  const path = issue.path.map(String).join('.') || 'the top level';
  return ` at ${path}: ${issue.message}`;
}
