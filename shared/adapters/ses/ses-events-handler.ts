import {
  handleSesEvent,
  type SesEvent,
  type SesEventDeps,
} from '../../usecases/campaign/handle-ses-event.ts';

/** What SNS hands a subscribed function: one record a notification, the SES event as its JSON message. */
export type SnsEvent = { Records: { Sns: { MessageId: string; Message: string } }[] };

/**
 * The SES events function's body, for Lambda and the local stand-in alike. It throws on any failure: the
 * invocation is asynchronous, so Lambda retries it and then keeps it in the on-failure queue (never a half-
 * handled event acknowledged).
 */
export const handleSnsEvent = async (event: SnsEvent, deps: SesEventDeps): Promise<void> => {
  for (const record of event.Records) {
    const outcome = await handleSesEvent(JSON.parse(record.Sns.Message) as SesEvent, deps);
    deps.logger.info('ses event handled', { snsMessageId: record.Sns.MessageId, outcome });
  }
};
