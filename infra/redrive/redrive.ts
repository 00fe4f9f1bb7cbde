/** A message of the queue being redriven, with the handle that deletes it. */
export type KeptMessage = { id: string; receipt: string; body: string };

/** The few SQS calls a redrive makes, so the logic runs against SQS and against the local stand-in alike. */
export type RedriveQueue = {
  /** The queues this one is the dead-letter queue of (SQS's ListDeadLetterSourceQueues). */
  deadLetterSources: () => Promise<string[]>;
  /** SQS moves the messages back to the queues they came from (StartMessageMoveTask); returns the task handle. */
  moveBack: () => Promise<string>;
  receive: () => Promise<KeptMessage[]>;
  remove: (message: KeptMessage) => Promise<void>;
};

/** An asynchronous invocation (`InvocationType: Event`), as Lambda's retries and destinations apply to it. */
export type InvokeAsync = (functionArn: string, payload: unknown) => Promise<void>;

export type RedriveReport =
  { kind: 'moved'; task: string; to: string[] } | { kind: 'replayed'; replayed: number; left: number };

type InvocationRecord = { requestContext: { functionArn: string }; requestPayload: unknown };

const invocationRecordOf = (body: string): InvocationRecord | undefined => {
  try {
    const parsed = JSON.parse(body) as Partial<InvocationRecord>;
    return typeof parsed.requestContext?.functionArn === 'string' && 'requestPayload' in parsed
      ? (parsed as InvocationRecord)
      : undefined;
  } catch {
    return undefined;
  }
};

/**
 * `npm run redrive -- <queue>`, once the cause of the failures is fixed. A dead-letter queue of a working queue
 * (send, social, music) goes back to it through SQS's own move task. An on-failure queue of Lambda holds
 * invocation records: each event is invoked again, asynchronously (so Lambda's retries and the on-failure
 * queue apply to it again), and deleted once Lambda has accepted it. Anything else (Scheduler's and SNS's dead
 * letters) is left where it is, counted: docs/deploy.md says what to do with those.
 */
export const redrive = async (queue: RedriveQueue, invoke: InvokeAsync): Promise<RedriveReport> => {
  const sources = await queue.deadLetterSources();
  if (sources.length > 0) return { kind: 'moved', task: await queue.moveBack(), to: sources };
  let replayed = 0;
  const left = new Set<string>();
  for (let batch = await queue.receive(); batch.length > 0; batch = await queue.receive()) {
    let progress = false;
    for (const message of batch) {
      const record = invocationRecordOf(message.body);
      if (!record) {
        left.add(message.id);
        continue;
      }
      await invoke(record.requestContext.functionArn, record.requestPayload);
      await queue.remove(message);
      replayed += 1;
      progress = true;
    }
    // Only messages it must leave come back: stop rather than receive them forever.
    if (!progress) break;
  }
  return { kind: 'replayed', replayed, left: left.size };
};
