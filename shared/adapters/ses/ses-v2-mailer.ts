import type { Mailer, OutgoingMail, SendOutcome } from '../../ports/mailer.ts';
import type { AwsCall } from '../aws/signed-fetch.ts';
import { SesSetupError } from './ses-setup-error.ts';

const text = (body: string | Uint8Array) =>
  typeof body === 'string' ? body : new TextDecoder().decode(body);
const utf8 = (data: string) => ({ Charset: 'UTF-8', Data: data });

// RFC 5322 display name, quoted; SES encodes non-ASCII itself (RFC 2047) for Simple content.
const mailbox = ({ name, address }: { name?: string; address: string }) =>
  name ? `"${name.replace(/["\\\r\n]/g, '')}" <${address}>` : address;

/**
 * SES v2 SendEmail with Simple content, one SigV4-signed HTTPS call (`call` is signedAwsFetch): SES builds
 * the MIME itself, so neither an SDK client nor a MIME composer lands in the API function's bundle
 * (~230 KiB less than the SDK mailer). For the few mails the API sends (the double opt-in).
 */
export const sesV2Mailer = ({
  call,
  configurationSet,
}: {
  call: (request: AwsCall) => Promise<Response>;
  configurationSet?: string;
}): Mailer => ({
  send: async (mail) => {
    let response: Response;
    try {
      response = await call({
        method: 'POST',
        path: '/v2/email/outbound-emails',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(requestOf(mail, configurationSet)),
      });
    } catch (error) {
      // No answer: the request may have been accepted.
      return {
        kind: 'unknown',
        detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      };
    }
    return outcomeOfResponse(response);
  },
});

const requestOf = (mail: OutgoingMail, configurationSet?: string) => ({
  FromEmailAddress: mailbox(mail.from),
  Destination: { ToAddresses: [mailbox(mail.to)] },
  Content: {
    Simple: {
      Subject: utf8(mail.subject),
      Body: { Text: utf8(text(mail.text)), Html: utf8(text(mail.html)) },
      ...(mail.listUnsubscribeUrl
        ? {
            Headers: [
              { Name: 'List-Unsubscribe', Value: `<${mail.listUnsubscribeUrl}>` },
              { Name: 'List-Unsubscribe-Post', Value: 'List-Unsubscribe=One-Click' },
            ],
          }
        : {}),
    },
  },
  ...(mail.tags ? { EmailTags: Object.entries(mail.tags).map(([Name, Value]) => ({ Name, Value })) } : {}),
  ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
});

/** The same outcomes as the SDK mailer, read from the REST answer (error type header, then status). */
export const outcomeOfResponse = async (response: Response): Promise<SendOutcome> => {
  const body = await response.text();
  if (response.ok) {
    const { MessageId } = JSON.parse(body || '{}') as { MessageId?: string };
    return MessageId ? { kind: 'sent', messageId: MessageId } : { kind: 'unknown', detail: 'no MessageId' };
  }
  const type = (response.headers.get('x-amzn-errortype') ?? '').split(':')[0] ?? '';
  const detail = `HTTP ${response.status} ${type} ${body.slice(0, 300)}`.trim();
  if (response.status === 429 || type === 'TooManyRequestsException') return { kind: 'throttled', detail };
  if (type === 'LimitExceededException' || /daily message quota/i.test(body))
    return { kind: 'quota_exceeded', detail };
  if (response.status >= 500) return { kind: 'unknown', detail };
  if (type === 'MessageRejected' || type === 'BadRequestException' || response.status === 400)
    return { kind: 'rejected', detail };
  // 403 (unverified sender, missing permission), 404: a setup error, not the reader's fault.
  throw new SesSetupError(`SES refused the request: ${detail}`);
};
