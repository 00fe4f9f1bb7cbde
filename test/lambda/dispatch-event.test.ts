import { afterEach, describe, expect, it } from 'vitest';
import { dispatchOptionsOf } from '../../shared/adapters/aws/dispatch-event.ts';
import { invokeDispatch } from '../../shared/adapters/aws/invoke-dispatch.ts';
import { signedAwsFetch } from '../../shared/adapters/aws/signed-fetch.ts';
import { type FakeServer, fakeServer, hasValidSigV4 } from '../support/fake-aws.ts';

const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
let lambda: FakeServer | undefined;
afterEach(async () => lambda?.close());

describe('the studio’s send now on AWS', () => {
  it('invokes the dispatch function for the one issue she named, and that function reads it back', async () => {
    lambda = await fakeServer((_request, res) => {
      res.writeHead(202).end();
    });
    const send = invokeDispatch(
      'dimanche-dispatch',
      'eu-west-3',
      signedAwsFetch({
        service: 'lambda',
        region: 'eu-west-3',
        endpoint: lambda.url,
        credentials: async () => credentials,
      }),
    );
    expect(await send(36)).toEqual({ kind: 'requested' });
    const [request] = lambda.requests;
    if (!request) throw new Error('no request');
    expect(request.path).toBe('/2015-03-31/functions/dimanche-dispatch/invocations');
    expect(request.headers['x-amz-invocation-type']).toBe('Event');
    expect(await hasValidSigV4(request, { service: 'lambda', region: 'eu-west-3', ...credentials })).toBe(
      true,
    );
    expect(dispatchOptionsOf(JSON.parse(request.body))).toEqual({
      dryRun: false,
      manual: true,
      series: 36,
    });
  });

  it('reads the schedule’s event as no issue named, and drops a series that is not an issue number', () => {
    expect(dispatchOptionsOf({})).toEqual({ dryRun: false, manual: false });
    expect(dispatchOptionsOf(undefined)).toEqual({ dryRun: false, manual: false });
    for (const series of ['36', 0, -1, 1.5, null])
      expect(dispatchOptionsOf({ manual: true, series })).toEqual({ dryRun: false, manual: true });
  });
});
