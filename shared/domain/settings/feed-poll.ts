import * as v from 'valibot';
import { lambdaEndpointEnv } from './aws.ts';
import { commonEnv } from './common.ts';
import { required, requiredUrl } from './fields.ts';
import { type Env, parseEnv } from './parse-env.ts';

const feedPollEnv = v.object({
  ...commonEnv,
  TABLE_NAME: required('TABLE_NAME'),
  RENDER_FUNCTION_NAME: required('RENDER_FUNCTION_NAME'),
  AWS_REGION: required('AWS_REGION'),
  FEED_URL: requiredUrl('FEED_URL'),
  ...lambdaEndpointEnv,
});

export type FeedPollConfig = v.InferOutput<typeof feedPollEnv>;

export const loadFeedPollConfig = (env: Env): FeedPollConfig => parseEnv(feedPollEnv, env);
