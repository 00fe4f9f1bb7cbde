import * as v from 'valibot';

/**
 * The author: where her notices go, the language she reads (mails and studio), when Sunday's send runs. The
 * studio and the delivery read these same definitions, so both name the same person and hour.
 */
export const authorEnv = {
  AUTHOR_EMAIL: v.optional(
    v.pipe(v.string(), v.trim(), v.toLowerCase(), v.email('AUTHOR_EMAIL must be an email address')),
    'autrice@newsletter.example.com',
  ),
  AUTHOR_LANGUAGE: v.optional(v.picklist(['fr', 'en'], 'AUTHOR_LANGUAGE must be fr or en'), 'fr'),
  /** Cron (minute hour day-of-month month day-of-week) in TIME_ZONE; Sunday 09:00 by default. */
  SCHEDULE: v.optional(v.pipe(v.string(), v.minLength(9)), '0 9 * * 0'),
};

/** The author's studio (`/studio`): who may sign in, what she reads, and how "send now" reaches the dispatch. */
export const studioEnv = {
  ...authorEnv,
  /** The dispatch function the studio's "send now" invokes on AWS; without it the button says it is unavailable. */
  DISPATCH_FUNCTION_NAME: v.optional(v.pipe(v.string(), v.minLength(1))),
};
