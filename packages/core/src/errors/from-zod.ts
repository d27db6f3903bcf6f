import type { z } from 'zod';
import type { ErrorCode } from './error-codes.js';
import { type FieldIssue, LiebianError } from './liebian-error.js';

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function show(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Turns zod issues into {@link FieldIssue}s that name the field, the value found and the fix. */
export function fieldIssuesFromZod(error: z.ZodError, input: unknown): FieldIssue[] {
  return error.issues.map((issue) => {
    const value = valueAt(input, issue.path);
    return { path: formatPath(issue.path), value, message: issue.message };
  });
}

/**
 * Parses `input` with `schema`; on failure throws one {@link LiebianError} whose message lists every
 * issue as `path (value): problem`, prefixed by `subject`.
 */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  code: ErrorCode,
  subject: string,
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = fieldIssuesFromZod(result.error, input);
  const lines = issues.map((i) => `  - ${i.path || '(root)'} = ${show(i.value)}: ${i.message}`);
  throw new LiebianError(code, `${subject} is invalid:\n${lines.join('\n')}`, { issues });
}
