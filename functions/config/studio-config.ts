import * as v from 'valibot';

/**
 * The author's studio (`/studio`): who may sign in, the language she reads, when Sunday's send runs. The same
 * defaults as the delivery settings, which mail her the notices, so both name the same person and hour.
 */
export const studioEnv = {
  AUTHOR_EMAIL: v.optional(
    v.pipe(v.string(), v.trim(), v.toLowerCase(), v.email('AUTHOR_EMAIL must be an email address')),
    'autrice@newsletter.example.com',
  ),
  AUTHOR_LANGUAGE: v.optional(v.picklist(['fr', 'en'], 'AUTHOR_LANGUAGE must be fr or en'), 'fr'),
  SCHEDULE: v.optional(v.pipe(v.string(), v.minLength(9)), '0 9 * * 0'),
  /** The dispatch function the studio's "send now" invokes on AWS; without it the button says it is unavailable. */
  DISPATCH_FUNCTION_NAME: v.optional(v.pipe(v.string(), v.minLength(1))),
};
