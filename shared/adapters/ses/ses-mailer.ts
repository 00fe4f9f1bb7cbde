import { SendRawEmailCommand, SESClient, SESServiceException } from '@aws-sdk/client-ses';
import type { Mailer, SendOutcome } from '../../ports/mailer.ts';
import { buildRawMime } from '../mail/raw-mime.ts';

export type SesMailerOptions = {
  region: string;
  /** The local stand-in; unset on AWS. */
  endpoint?: string;
  configurationSet?: string;
  /** How long one call may take before its outcome is declared unknown. */
  timeoutMs?: number;
};

/**
 * SES v1 SendRawEmail. The SDK's own retries are off: a retry after a timeout could send twice, so the
 * caller decides, from the outcome, whether a retry is safe (throttled) or not (unknown).
 */
export const sesMailer = ({
  region,
  endpoint,
  configurationSet,
  timeoutMs = 10_000,
}: SesMailerOptions): Mailer => {
  const ses = new SESClient({
    region,
    maxAttempts: 1,
    ...(endpoint ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
  return {
    send: async (mail) => {
      const raw = await buildRawMime(mail);
      try {
        const { MessageId } = await ses.send(
          new SendRawEmailCommand({
            RawMessage: { Data: raw },
            ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
            ...(mail.tags
              ? { Tags: Object.entries(mail.tags).map(([Name, Value]) => ({ Name, Value })) }
              : {}),
          }),
          { abortSignal: AbortSignal.timeout(timeoutMs) },
        );
        return MessageId
          ? { kind: 'sent', messageId: MessageId }
          : { kind: 'unknown', detail: 'SES answered without a MessageId' };
      } catch (error) {
        return outcomeOf(error);
      }
    },
  };
};

/** SES says "Throttling" for both limits; only the message tells the rate from the daily quota. */
export const outcomeOf = (error: unknown): SendOutcome => {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  if (error instanceof SESServiceException || (error instanceof Error && status !== undefined)) {
    const { name, message } = error as Error;
    if (/daily message quota/i.test(message)) return { kind: 'quota_exceeded', detail };
    if (name === 'Throttling' || name === 'ThrottlingException' || /maximum sending rate/i.test(message)) {
      return { kind: 'throttled', detail };
    }
    if (name === 'MessageRejected' || name === 'InvalidParameterValue') return { kind: 'rejected', detail };
    if ((status ?? 0) >= 500) return { kind: 'unknown', detail };
    // Anything else from SES is a setup error (unverified sender, missing configuration set): not the reader's fault.
    throw error;
  }
  // No answer (a timeout, a dropped or refused connection): the request may have been accepted.
  return { kind: 'unknown', detail };
};
