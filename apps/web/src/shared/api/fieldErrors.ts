import { ApiError } from './apiError';
import type { ParseIssue } from './parser';

/** Messages by the dotted path of the input they are about ("username", "parameters.raidMaxDrives"). */
export type FieldErrors = Readonly<Record<string, string>>;

/** "body.parameters.raidMaxDrives" → "parameters.raidMaxDrives": the BFF names the request part first. */
export function inputField(field: string): string {
  return field.replace(/^(body|query|params)(\.|$)/, '');
}

/**
 * The server's error as a field error, when it blames a field of the form; the message is cut
 * to what is about the field ("body.password: must be at least 12 characters" → "must be …").
 */
export function serverFieldErrors(error: unknown, known: readonly string[]): FieldErrors {
  if (!(error instanceof ApiError) || !error.field) return {};
  const field = inputField(error.field);
  if (!known.includes(field)) return {};
  const message = error.message.replace(/^[\w.[\]]+: /, '');
  return { [field]: message };
}

/** The first zod issue of each field, for messages beside the fields before anything is sent. */
export function issueFieldErrors(issues: readonly ParseIssue[]): FieldErrors {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const field = issue.path.map(String).join('.');
    if (!(field in out)) out[field] = issue.message;
  }
  return out;
}

/** Whether the error is all about one field of the form, so a message beside it says everything. */
export function isFieldError(error: unknown, known: readonly string[]): boolean {
  return Object.keys(serverFieldErrors(error, known)).length > 0;
}
