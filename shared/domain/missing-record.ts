/**
 * A record that a step was handed the id of is not stored: a campaign without its batch or render, a message
 * naming an issue that was never written. Never an expected outcome (every such id came from a write that
 * succeeded), so a bug or lost data: thrown, for the queue to retry and then park the message.
 */
export class MissingRecordError extends Error {
  override name = 'MissingRecordError';
}
