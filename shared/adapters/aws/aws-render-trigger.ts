import { signedAwsFetch } from './signed-fetch.ts';
import { lambdaRenderTrigger } from '../render/lambda-render-trigger.ts';

/** The render function, invoked as every function that starts a render has it on AWS. */
export const awsRenderTrigger = (env: {
  RENDER_FUNCTION_NAME: string;
  AWS_REGION: string;
  /** The SDK's standard per-service endpoint override; unset on AWS. */
  AWS_ENDPOINT_URL_LAMBDA?: string | undefined;
}) =>
  lambdaRenderTrigger({
    functionName: env.RENDER_FUNCTION_NAME,
    call: signedAwsFetch({
      service: 'lambda',
      region: env.AWS_REGION,
      ...(env.AWS_ENDPOINT_URL_LAMBDA ? { endpoint: env.AWS_ENDPOINT_URL_LAMBDA } : {}),
    }),
  });
