import * as v from 'valibot';
import type { Logger } from '../../ports/logger.ts';
import type { SqsRecord } from './defer-sqs-record.ts';

export type Parsed<M> = { ok: true; message: M } | { ok: false; error: unknown };

/** `retry`: this record goes back to the queue (redelivered after its visibility, then the DLQ). */
export type RecordOutcome = 'done' | 'retry';

/**
 * SQS partial batch failures, one loop for every queue-fed function: each record is parsed and handled on its
 * own; a malformed message or a bug fails only its record, the others in the batch go on.
 */
export const eachSqsRecord = async <M extends object>(
  records: readonly SqsRecord[],
  parse: (body: string) => Parsed<M>,
  {
    what,
    handle,
    logger,
  }: {
    /** How the logs name the message: `send batch`, `social post`, `music message`. */
    what: string;
    handle: (message: M, record: SqsRecord) => Promise<RecordOutcome>;
    logger: Logger;
  },
): Promise<{ batchItemFailures: { itemIdentifier: string }[] }> => {
  const batchItemFailures: { itemIdentifier: string }[] = [];
  for (const record of records) {
    const parsed = parse(record.body);
    if (!parsed.ok) {
      logger.error(`malformed ${what}`, { messageId: record.messageId, error: parsed.error });
      batchItemFailures.push({ itemIdentifier: record.messageId });
      continue;
    }
    try {
      if ((await handle(parsed.message, record)) === 'retry')
        batchItemFailures.push({ itemIdentifier: record.messageId });
    } catch (error) {
      logger.error(`${what} failed`, { ...parsed.message, messageId: record.messageId, error });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
};

/** A JSON body checked against a valibot schema, as a `Parsed`. */
export const jsonBody =
  <S extends v.GenericSchema>(schema: S) =>
  (body: string): Parsed<v.InferOutput<S>> => {
    try {
      const result = v.safeParse(schema, JSON.parse(body));
      return result.success ? { ok: true, message: result.output } : { ok: false, error: result.issues };
    } catch (error) {
      return { ok: false, error };
    }
  };
