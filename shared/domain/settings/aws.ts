import * as v from 'valibot';
import { required, url } from './fields.ts';

/** What a Lambda reads its secrets with: set by Lambda (the token) and by the Parameters and Secrets layer (the port). */
export const secretsExtensionEnv = {
  AWS_SESSION_TOKEN: required('AWS_SESSION_TOKEN'),
  PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: v.optional(
    v.pipe(
      v.string(),
      v.transform(Number),
      v.integer('PARAMETERS_SECRETS_EXTENSION_HTTP_PORT must be a port'),
    ),
    '2773',
  ),
};

/** The SDK's standard per-service endpoint override, for a stand-in; unset on AWS. */
export const lambdaEndpointEnv = {
  AWS_ENDPOINT_URL_LAMBDA: v.optional(url('AWS_ENDPOINT_URL_LAMBDA')),
};
