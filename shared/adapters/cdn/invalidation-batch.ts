import { createHash } from 'node:crypto';
import * as v from 'valibot';

const message = v.object({
  paths: v.pipe(v.array(v.pipe(v.string(), v.startsWith('/'), v.maxLength(1024))), v.minLength(1)),
});

/**
 * One CloudFront invalidation for a batch of the render step's messages: their paths once each, and a caller
 * reference from the messages' ids, so a redelivered batch is the same invalidation and a later revision of
 * the same page a new one.
 */
export const invalidationBatch = (records: readonly { messageId: string; body: string }[]) => {
  const paths = new Set<string>();
  for (const record of records) {
    for (const path of v.parse(message, JSON.parse(record.body)).paths) paths.add(path);
  }
  const ids = records.map((record) => record.messageId).sort();
  const reference = createHash('sha256').update(ids.join('\n')).digest('base64url').slice(0, 48);
  return { paths: [...paths].sort(), reference };
};
