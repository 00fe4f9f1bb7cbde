import { randomUUID } from 'node:crypto';
import type { InProcessQueue } from './in-process-queue.ts';
import type { Clock } from '../../../shared/ports/clock.ts';

/**
 * What Lambda sends an on-failure destination once an asynchronous invocation has used up its retries (the
 * "invocation record" of Lambda's destinations): the event as the function got it, and why it failed.
 */
export type InvocationRecord<E> = {
  version: '1.0';
  timestamp: string;
  requestContext: {
    requestId: string;
    functionArn: string;
    condition: 'RetriesExhausted';
    approximateInvokeCount: number;
  };
  requestPayload: E;
  responseContext: { statusCode: 200; executedVersion: '$LATEST'; functionError: 'Unhandled' };
  responsePayload: { errorType: string; errorMessage: string };
};

export type AsyncInvokeOptions<E> = {
  handler: (event: E) => Promise<unknown>;
  functionArn: string;
  /** Retries after the first attempt, as the function's EventInvokeConfig sets them (ASYNC_RETRY_ATTEMPTS). */
  retryAttempts: number;
  /** The on-failure destination: a queue of SQS's semantics. */
  onFailure: InProcessQueue<InvocationRecord<E>>;
  clock: Clock;
  /** Lambda waits about a minute, then two, between attempts; locally, whatever the caller likes. */
  retryDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
};

/**
 * Lambda's asynchronous invocation on one machine (what SNS and Scheduler do to a function): the caller is
 * answered at once, the handler runs and, when it throws, runs again up to `retryAttempts` times, and a
 * failure after the last attempt goes to the on-failure queue instead of vanishing.
 */
export const asyncInvoker = <E>(options: AsyncInvokeOptions<E>) => {
  const { handler, retryAttempts, onFailure, clock } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const run = async (event: E): Promise<'handled' | 'kept'> => {
    let failure: unknown;
    for (let attempt = 1; attempt <= retryAttempts + 1; attempt += 1) {
      try {
        await handler(event);
        return 'handled';
      } catch (error) {
        failure = error;
        if (attempt <= retryAttempts) await sleep(options.retryDelayMs ?? 0);
      }
    }
    const error = failure instanceof Error ? failure : new Error(String(failure));
    onFailure.send({
      version: '1.0',
      timestamp: clock.now().toISOString(),
      requestContext: {
        requestId: randomUUID(),
        functionArn: `${options.functionArn}:$LATEST`,
        condition: 'RetriesExhausted',
        approximateInvokeCount: retryAttempts + 1,
      },
      requestPayload: event,
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      responsePayload: { errorType: error.name, errorMessage: error.message },
    });
    return 'kept';
  };
  return {
    /** Accepted at once, as Lambda answers 202; `settled` resolves when the event is handled or kept. */
    invoke: (event: E) => ({ settled: run(event) }),
  };
};
