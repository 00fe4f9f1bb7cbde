/**
 * A studio request refused for a reason the author can act on: rendered as a page in her language, in the studio
 * layout, with what to do. `lines` are the specifics (the fields or rows to fix), already in her language.
 */
export class StudioProblem extends Error {
  override name = 'StudioProblem';

  constructor(
    readonly status: 403 | 404 | 409 | 413 | 422,
    readonly title: string,
    readonly detail: string,
    readonly lines: readonly string[] = [],
  ) {
    super(detail);
  }
}
