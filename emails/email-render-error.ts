/** The issue could not be turned into an email: a template bug, or MJML refusing what it produced. */
export class EmailRenderError extends Error {
  override readonly name = 'EmailRenderError';
  /** MJML's validation messages, one per problem ("Line 12 of … (mj-image) — Attribute …"). */
  readonly problems: readonly string[];

  constructor(message: string, options: { cause?: unknown; problems?: readonly string[] } = {}) {
    super(message, { cause: options.cause });
    this.problems = options.problems ?? [];
  }
}
