import { describe, expect, inject, it } from 'vitest';
import { signedAwsFetch } from '../../shared/adapters/aws/signed-fetch.ts';
import { outcomeOfResponse, sesV2Mailer } from '../../shared/adapters/ses/ses-v2-mailer.ts';
import type { OutgoingMail } from '../../shared/ports/mailer.ts';
import { mailsTo } from '../support/mail-store.ts';
import { uniqueAddress } from './support.ts';

const local = { accessKeyId: 'local', secretAccessKey: 'local' };
const mail = (to: string): OutgoingMail => ({
  from: { name: 'Kâro · Dimanche', address: 'sunday@newsletter.example.com' },
  to: { address: to as never },
  subject: 'Confirmez « votre » abonnement ☀️',
  html: '<p>Été</p>',
  text: 'Été',
});

describe('the SES v2 mailer of the API function', () => {
  it('sends through the SES API (its stand-in) with the French subject intact', async () => {
    const to = uniqueAddress();
    const mailer = sesV2Mailer({
      call: signedAwsFetch({
        service: 'ses',
        region: 'eu-west-3',
        endpoint: inject('sesUrl'),
        credentials: async () => local,
      }),
    });
    expect(await mailer.send(mail(to))).toMatchObject({ kind: 'sent', messageId: expect.any(String) });
    const [stored] = await mailsTo(to);
    expect(stored).toMatchObject({
      subject: 'Confirmez « votre » abonnement ☀️',
      body: { html: '<p>Été</p>', text: 'Été' },
    });
  });

  it('reports no answer as unknown, never as sent or rejected', async () => {
    const mailer = sesV2Mailer({
      call: signedAwsFetch({
        service: 'ses',
        region: 'eu-west-3',
        endpoint: 'http://127.0.0.1:9',
        credentials: async () => local,
      }),
    });
    expect((await mailer.send(mail(uniqueAddress()))).kind).toBe('unknown');
  });

  it('tells throttling, quota, rejection and server errors apart, and throws on a setup error', async () => {
    const answer = (status: number, type = '', body = '{}') =>
      outcomeOfResponse(new Response(body, { status, headers: type ? { 'x-amzn-errortype': type } : {} }));
    expect((await answer(429, 'TooManyRequestsException')).kind).toBe('throttled');
    expect((await answer(400, 'LimitExceededException')).kind).toBe('quota_exceeded');
    expect((await answer(400, 'MessageRejected:http://internal')).kind).toBe('rejected');
    expect((await answer(503)).kind).toBe('unknown');
    await expect(answer(403, 'AccessDeniedException')).rejects.toThrow(/SES refused/);
  });
});
