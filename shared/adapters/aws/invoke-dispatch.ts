import { type AwsCall, signedAwsFetch } from './signed-fetch.ts';
import type { DispatchIssue } from '../../usecases/studio/act-on-issue.ts';
import { dispatchEvent } from './dispatch-event.ts';

/** Lambda refused the invoke (throttled, no permission, no such function): the studio shows it failed. */
export class DispatchInvokeError extends Error {
  override name = 'DispatchInvokeError';
}

/**
 * The studio's "send now" on AWS: the dispatch function, invoked asynchronously (InvocationType Event) for the
 * one issue she named, as `npm run sunday -- --now --issue N` does locally. Its outcome shows on the campaign page.
 */
export const invokeDispatch = (
  functionName: string,
  region: string,
  call: (request: AwsCall) => Promise<Response> = signedAwsFetch({ service: 'lambda', region }),
): DispatchIssue => {
  return async (series) => {
    const response = await call({
      method: 'POST',
      path: `/2015-03-31/functions/${encodeURIComponent(functionName)}/invocations`,
      headers: { 'content-type': 'application/json', 'x-amz-invocation-type': 'Event' },
      body: JSON.stringify(dispatchEvent(series)),
    });
    if (response.status !== 202)
      throw new DispatchInvokeError(`dispatch invoke failed: HTTP ${response.status}`);
    return { kind: 'requested' as const };
  };
};
