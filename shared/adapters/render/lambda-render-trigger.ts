import type { IssueId } from '../../domain/issue.ts';
import type { RenderOutcome, RenderTrigger } from '../../ports/render-trigger.ts';
import type { AwsCall } from '../aws/signed-fetch.ts';

export type RenderRequest = { issueId: IssueId; revision: number };

export class RenderInvocationError extends Error {
  override name = 'RenderInvocationError';
}

/**
 * On AWS the render runs in its own function, so MJML (~3 MB bundled, ~0.4 s to load) never loads in the API
 * function. The call is Lambda's Invoke API, synchronous: the webhook answers with the rendered status, and a
 * failed render fails the delivery, which the sender retries.
 */
export const lambdaRenderTrigger = ({
  functionName,
  call,
}: {
  functionName: string;
  call: (request: AwsCall) => Promise<Response>;
}): RenderTrigger => ({
  render: async (issueId, revision) => {
    const request: RenderRequest = { issueId, revision };
    const response = await call({
      method: 'POST',
      path: `/2015-03-31/functions/${encodeURIComponent(functionName)}/invocations`,
      headers: { 'content-type': 'application/json', 'x-amz-invocation-type': 'RequestResponse' },
      body: JSON.stringify(request),
    });
    const body = await response.text();
    const functionError = response.headers.get('x-amz-function-error');
    if (!response.ok || functionError) {
      const reason = functionError ?? `HTTP ${response.status}`;
      throw new RenderInvocationError(
        `render of ${issueId} r${revision} failed: ${reason} ${body.slice(0, 500)}`,
      );
    }
    return JSON.parse(body) as RenderOutcome;
  },
});
