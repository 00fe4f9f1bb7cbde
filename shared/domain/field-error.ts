/** A refused field of an incoming post, form or query, named by its JSON Pointer (RFC 6901) so the sender can fix it. */
export type FieldError = { pointer: string; detail: string };
