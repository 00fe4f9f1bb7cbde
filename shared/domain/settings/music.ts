import * as v from 'valibot';
import { lambdaEndpointEnv } from './aws.ts';
import { commonEnv } from './common.ts';
import { required, url, wholeNumber } from './fields.ts';
import { type Env, parseEnv } from './parse-env.ts';

/** Track links (issue 7): the resolver and the link checks, the same settings on AWS and on one machine. */
export const musicEnv = {
  /** The song.link / Odesli API; a fake server's address on one machine. */
  ODESLI_API_URL: v.optional(url('ODESLI_API_URL'), 'https://api.song.link'),
  /** Which country's stores the links point at. */
  ODESLI_USER_COUNTRY: v.optional(
    v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'ODESLI_USER_COUNTRY must be like FR')),
    'FR',
  ),
  /** Calls a minute across every worker: about 10 without an API key. */
  RESOLVER_RATE_PER_MINUTE: wholeNumber('RESOLVER_RATE_PER_MINUTE', 10, 1, 600),
  RESOLVER_TIMEOUT_MS: wholeNumber('RESOLVER_TIMEOUT_MS', 10000, 100, 60_000),
  /** Server errors or timeouts before a track is given up on (each retry waits longer). */
  RESOLVER_MAX_ATTEMPTS: wholeNumber('RESOLVER_MAX_ATTEMPTS', 6, 1, 20),
  LINK_CHECK_TIMEOUT_MS: wholeNumber('LINK_CHECK_TIMEOUT_MS', 8000, 100, 30_000),
  LINK_CHECK_CONCURRENCY: wholeNumber('LINK_CHECK_CONCURRENCY', 4, 1, 16),
  /** All of an issue's checks; under the worker's 90 s timeout with a link's own timeout to spare. */
  LINK_CHECK_BUDGET_MS: wholeNumber('LINK_CHECK_BUDGET_MS', 60000, 1000, 600_000),
};

export type MusicSettings = v.InferOutput<v.ObjectSchema<typeof musicEnv, undefined>>;

export const loadMusicSettings = (env: Env): MusicSettings => parseEnv(v.object(musicEnv), env);

/** The music worker on AWS: its queue (a resolve waiting for the rate comes back delayed), the render function. */
export const loadMusicWorkerEnv = (env: Env) =>
  parseEnv(
    v.object({
      ...musicEnv,
      AWS_REGION: required('AWS_REGION'),
      TABLE_NAME: required('TABLE_NAME'),
      PUBLIC_BASE_URL: commonEnv.PUBLIC_BASE_URL,
      TIME_ZONE: commonEnv.TIME_ZONE,
      LOG_LEVEL: commonEnv.LOG_LEVEL,
      MUSIC_QUEUE_URL: required('MUSIC_QUEUE_URL'),
      RENDER_FUNCTION_NAME: required('RENDER_FUNCTION_NAME'),
      ...lambdaEndpointEnv,
    }),
    env,
  );
