import * as v from 'valibot';
import { commonEnv, required } from './common.ts';
import { parseEnv } from './config-error.ts';

const feedPollEnv = v.object({
  ...commonEnv,
  TABLE_NAME: required('TABLE_NAME'),
  RENDER_FUNCTION_NAME: required('RENDER_FUNCTION_NAME'),
  AWS_REGION: required('AWS_REGION'),
  FEED_URL: v.pipe(required('FEED_URL'), v.url('FEED_URL must be a URL')),
  AWS_ENDPOINT_URL_LAMBDA: v.optional(v.pipe(v.string(), v.url('AWS_ENDPOINT_URL_LAMBDA must be a URL'))),
});

export type FeedPollConfig = v.InferOutput<typeof feedPollEnv>;

export const loadFeedPollConfig = (env: Record<string, string | undefined>): FeedPollConfig =>
  parseEnv(feedPollEnv, env);
