import { describe, expect, it } from 'vitest';
import { redrive } from '../../infra/redrive/redrive.ts';
import { inProcessQueue } from '../../infra/local/runtime/in-process-queue.ts';
import { inProcessRedriveQueue } from '../support/redrive-queue.ts';

// `npm run redrive -- <queue>`: which way each kind of queue goes back (the SES events path end to end is in
// test/delivery/ses-events-failure.test.ts).

const queue = () => inProcessQueue<unknown>({ visibilityMs: 30_000, maxReceives: 5 });

describe('npm run redrive', () => {
  it('moves a working queue’s dead letters back with SQS’s move task, invoking nothing', async () => {
    const dlq = queue();
    dlq.send({ campaignId: 'cmp_iss_34', batch: 3 });
    const moved: string[] = [];
    const invoked: unknown[] = [];
    const report = await redrive(
      inProcessRedriveQueue(dlq, { sources: ['https://sqs/123/Send'], moved }),
      async (...call) => void invoked.push(call),
    );
    expect(report).toEqual({ kind: 'moved', task: 'task-1', to: ['https://sqs/123/Send'] });
    expect(moved).toEqual(['task-1']);
    expect(invoked).toEqual([]);
  });

  it('invokes each kept invocation record again and deletes it, and leaves what is not one', async () => {
    const failures = queue();
    const payload = { scheduledTime: '2026-11-29T08:00:00Z' };
    failures.send({
      requestContext: { functionArn: 'arn:aws:lambda:eu-west-3:1:function:Dispatch:$LATEST' },
      requestPayload: payload,
    });
    failures.send({ Type: 'Notification', Message: '{}' });
    const invoked: unknown[] = [];
    const report = await redrive(inProcessRedriveQueue(failures), async (...call) => void invoked.push(call));
    expect(report).toEqual({ kind: 'replayed', replayed: 1, left: 1 });
    expect(invoked).toEqual([['arn:aws:lambda:eu-west-3:1:function:Dispatch:$LATEST', payload]]);
    expect(failures.size()).toBe(1);
  });

  it('deletes nothing it could not invoke', async () => {
    const failures = queue();
    failures.send({
      requestContext: { functionArn: 'arn:aws:lambda:eu-west-3:1:function:SesEvents' },
      requestPayload: {},
    });
    const refused = redrive(inProcessRedriveQueue(failures), async () => {
      throw new Error('Invoke: HTTP 429');
    });
    await expect(refused).rejects.toThrow(/429/);
    expect(failures.size()).toBe(1);
  });
});
