import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import type { IssueId } from '../../domain/issue.ts';
import type { RenderOutcome, RenderTrigger } from '../../ports/render-trigger.ts';

export type RenderRequest = { issueId: IssueId; revision: number };

export class RenderInvocationError extends Error {
  override name = 'RenderInvocationError';
}

/**
 * On AWS the render runs in its own function, so MJML (~4 MB bundled, ~0.5 s to import) never loads in the API
 * function. The call is synchronous: the webhook answers with the rendered status, and a failed render fails the
 * delivery, which the sender retries.
 */
export const lambdaRenderTrigger = (lambda: LambdaClient, functionName: string): RenderTrigger => ({
  render: async (issueId, revision) => {
    const request: RenderRequest = { issueId, revision };
    const result = await lambda.send(
      new InvokeCommand({
        FunctionName: functionName,
        InvocationType: 'RequestResponse',
        Payload: JSON.stringify(request),
      }),
    );
    const payload = result.Payload ? Buffer.from(result.Payload).toString('utf8') : '';
    if (result.FunctionError) {
      throw new RenderInvocationError(
        `render of ${issueId} r${revision} failed: ${result.FunctionError} ${payload.slice(0, 500)}`,
      );
    }
    return JSON.parse(payload) as RenderOutcome;
  },
});
