import { z } from 'zod';
import { commonEnv, required } from './common.ts';
import { parseEnv } from './config-error.ts';

const apiEnv = commonEnv.extend({
  TABLE_NAME: required('TABLE_NAME'),
  RENDER_FUNCTION_NAME: required('RENDER_FUNCTION_NAME'),
  SECRETS_ARN: required('SECRETS_ARN'),
  AWS_REGION: required('AWS_REGION'),
});

const renderEnv = commonEnv.extend({
  TABLE_NAME: required('TABLE_NAME'),
  POSTAL_ADDRESS: required('POSTAL_ADDRESS'),
  AWS_REGION: required('AWS_REGION'),
});

export type AwsApiConfig = z.infer<typeof apiEnv>;
export type AwsRenderConfig = z.infer<typeof renderEnv>;

export const loadAwsApiConfig = (env: Record<string, string | undefined>) => parseEnv(apiEnv, env);
export const loadAwsRenderConfig = (env: Record<string, string | undefined>) => parseEnv(renderEnv, env);

/** The JSON kept in Secrets Manager: never in environment variables, where the console shows it. */
export const appSecrets = z.object({
  webhookSecrets: z.array(z.string().startsWith('whsec_')).min(1),
  adminTokens: z.array(z.string().min(24)).min(1),
});
export type AppSecrets = z.infer<typeof appSecrets>;
