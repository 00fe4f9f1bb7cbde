import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { eachSqsRecord, jsonBody } from '../../shared/adapters/sqs/sqs-batch.ts';

const record = (messageId: string, body: string) => ({ messageId, receiptHandle: `rh-${messageId}`, body });
const schema = v.object({ n: v.number() });

describe('one partial-batch loop for every queue-fed function', () => {
  it('fails only the records that are malformed, that must be retried, or whose handling threw', async () => {
    const logged: string[] = [];
    const logger = {
      info: () => undefined,
      warn: () => undefined,
      error: (message: string) => void logged.push(message),
    };
    const handled: number[] = [];
    const result = await eachSqsRecord(
      [
        record('ok', '{"n":1}'),
        record('not-json', '{"n":'),
        record('wrong-shape', '{"n":"one"}'),
        record('retry', '{"n":2}'),
        record('bug', '{"n":3}'),
        record('ok-after', '{"n":4}'),
      ],
      jsonBody(schema),
      {
        what: 'test message',
        logger,
        handle: async ({ n }) => {
          if (n === 3) throw new Error('a bug');
          handled.push(n);
          return n === 2 ? 'retry' : 'done';
        },
      },
    );
    expect(result.batchItemFailures.map((f) => f.itemIdentifier)).toEqual([
      'not-json',
      'wrong-shape',
      'retry',
      'bug',
    ]);
    expect(handled).toEqual([1, 2, 4]);
    expect(logged).toEqual(['malformed test message', 'malformed test message', 'test message failed']);
  });
});
