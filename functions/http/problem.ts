import type { FieldError } from '../../shared/domain/field-error.ts';

export type { FieldError };

/** RFC 9457 problem details: the one shape every error answer takes. */

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  [extension: string]: unknown;
};

const TYPE_BASE = 'https://dimanche.dev/problems/';

/** An expected failure at the edge, thrown by middleware and turned into problem+json by the app's onError. */
export class HttpProblem extends Error {
  override name = 'HttpProblem';
  readonly problem: Problem;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    slug: string,
    title: string,
    detail: string,
    extra: { errors?: FieldError[]; headers?: Record<string, string>; [key: string]: unknown } = {},
  ) {
    super(detail);
    const { headers = {}, ...extensions } = extra;
    this.problem = { type: `${TYPE_BASE}${slug}`, title, status, detail, ...extensions };
    this.headers = headers;
  }
}

export const problemResponse = (problem: Problem, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...headers },
  });

/** What an unknown path answers; a route that must not be probed answers the same. */
export const notFoundResponse = (): Response =>
  problemResponse({
    type: 'about:blank',
    title: 'Not Found',
    status: 404,
    detail: 'No route matches this path.',
  });

/** 415 naming the body's type (`got`, or `missing` when none) and what the route reads (`accept`). */
export const unsupportedMediaType = (
  expected: string,
  got: string | undefined,
  accept: string,
  missing = 'none',
) =>
  new HttpProblem(
    415,
    'unsupported-media-type',
    'Unsupported media type',
    `${expected}, got ${got ? `"${got}"` : missing}.`,
    {
      headers: { accept },
    },
  );

export const invalidFields = (errors: FieldError[]): HttpProblem =>
  new HttpProblem(
    422,
    'invalid-fields',
    'The request has invalid fields',
    errors.map((e) => `${e.pointer}: ${e.detail}`).join('; '),
    { errors },
  );
