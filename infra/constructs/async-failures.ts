import { type Duration, Validations } from 'aws-cdk-lib';
import type { DestinationConfig, IDestination, IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { deadLetterQueue } from './dead-letter-queue.ts';

/**
 * Lambda's own retries of an asynchronous invocation that threw: two, Lambda's default, said out loud so the
 * local stand-in (infra/local/runtime/async-invoke.ts) and the tests run the same three attempts.
 */
export const ASYNC_RETRY_ATTEMPTS = 2;

/** SqsDestination, granting SendMessage alone (SqsDestination's grantSendMessages adds two read actions). */
const sendOnly = (queue: Queue): IDestination => ({
  bind: (_scope: Construct, fn: IFunction): DestinationConfig => {
    queue.grant(fn, 'sqs:SendMessage');
    return { destination: queue.queueArn };
  },
});

export interface AsyncFailuresProps {
  /** How long Lambda keeps trying an event that keeps failing or waits behind throttling (at most 6 h). */
  readonly maxEventAge: Duration;
  /** Lambda's own retries: ASYNC_RETRY_ATTEMPTS unless the next invocation does the same work anyway. */
  readonly retryAttempts?: number;
}

/**
 * Where an asynchronously invoked function's failed events go once Lambda has retried them: a dead-letter
 * queue of its own, which the alarm Aspect watches (it has no dead-letter queue itself). Without it Lambda
 * drops the event after its retries and only the Errors alarm remembers it. Each message is Lambda's
 * invocation record: `requestPayload` is the event as the function got it, which `npm run redrive` replays.
 */
export const keepAsyncFailures = (
  scope: Construct,
  id: string,
  fn: IFunction,
  { maxEventAge, retryAttempts = ASYNC_RETRY_ATTEMPTS }: AsyncFailuresProps,
): Queue => {
  const queue = deadLetterQueue(scope, id);
  Validations.of(queue).acknowledge({
    id: 'AwsSolutions-SQS3',
    reason:
      "It is a dead-letter queue, for Lambda's asynchronous invocations: the function's EventInvokeConfig names it as its on-failure destination, which cdk-nag does not see.",
  });
  fn.configureAsyncInvoke({ onFailure: sendOnly(queue), retryAttempts, maxEventAge });
  return queue;
};
