import type { FieldIssue } from '../errors/liebian-error.js';

/**
 * An RFC 9457 problem body with Liebian's stable `code` and the failing fields.
 *
 * @example
 * // 403 application/problem+json
 * // { type: 'about:blank', title: 'Forbidden', status: 403, code: 'invalid-invite', detail: 'this invite link has expired' }
 * if (!result.ok && result.problem.code === 'invalid-invite') askForANewLink();
 */
export interface Problem {
  readonly type: 'about:blank';
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly issues?: readonly FieldIssue[];
}

export function problem(
  status: number,
  code: string,
  detail: string,
  issues?: readonly FieldIssue[],
  headers?: HeadersInit,
): Response {
  const body: Problem = {
    type: 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    code,
    detail,
    ...(issues && issues.length > 0 ? { issues } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};
