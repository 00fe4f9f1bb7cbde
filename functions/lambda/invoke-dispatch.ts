import { signedAwsFetch } from '../../shared/adapters/aws/signed-fetch.ts';

/**
 * The studio's "send now" on AWS: the dispatch function, invoked asynchronously (InvocationType Event) with
 * `manual`, as `npm run sunday -- --now` does locally. Its outcome shows on the campaign page.
 */
export const invokeDispatch = (functionName: string, region: string) => {
  const call = signedAwsFetch({ service: 'lambda', region });
  return async () => {
    const response = await call({
      method: 'POST',
      path: `/2015-03-31/functions/${encodeURIComponent(functionName)}/invocations`,
      headers: { 'content-type': 'application/json', 'x-amz-invocation-type': 'Event' },
      body: JSON.stringify({ manual: true }),
    });
    if (response.status !== 202) throw new Error(`dispatch invoke failed: HTTP ${response.status}`);
    return { kind: 'requested' as const };
  };
};
