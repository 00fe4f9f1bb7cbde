import { MessageRejected, SESServiceException } from '@aws-sdk/client-ses';
import { simpleParser } from 'mailparser';
import { describe, expect, inject, it } from 'vitest';
import { buildRawMime } from '../../shared/adapters/mail/raw-mime.ts';
import { outcomeOf, sesMailer } from '../../shared/adapters/ses/ses-mailer.ts';
import type { EmailAddress } from '../../shared/domain/email-address.ts';
import type { OutgoingMail } from '../../shared/ports/mailer.ts';
import { randomUUID } from 'node:crypto';

const mail = (to: string): OutgoingMail => ({
  from: { name: 'Kâro · Online Sunday Morning Sound', address: 'dimanche@newsletter.example.com' },
  to: { name: 'Chloé Martin', address: to as EmailAddress },
  subject: 'Online Sunday Morning Sound #34 — Chambre en Provence « été » ☀️',
  html: '<p>«\u00a0Le TGV N° 7345 en direction d’Avignon\u00a0»</p>',
  text: new TextEncoder().encode('«\u00a0Le TGV N° 7345 en direction d’Avignon\u00a0»'),
  listUnsubscribeUrl: 'https://newsletter.example.com/u/eyJhbGciOi.token',
  listId: 'Online Sunday Morning Sound <sunday.newsletter.example.com>',
  tags: { campaign: 'cmp_34' },
});

type StoredEmail = { subject: string; destination: { to: string[] }; body: { html?: string; text?: string } };

describe('the raw MIME message', () => {
  it('has one https one-click List-Unsubscribe, a List-Id, a decodable French subject and both parts', async () => {
    const raw = await buildRawMime(mail('chloe@exemple.fr'));
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe('Online Sunday Morning Sound #34 — Chambre en Provence « été » ☀️');
    expect(parsed.from?.value[0]).toEqual({
      name: 'Kâro · Online Sunday Morning Sound',
      address: 'dimanche@newsletter.example.com',
    });
    const headerLines = parsed.headerLines.map((h) => h.key);
    expect(headerLines.filter((k) => k === 'list-unsubscribe')).toHaveLength(1);
    expect(parsed.headerLines.filter((h) => h.key === 'list-unsubscribe-post').map((h) => h.line)).toEqual([
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    ]);
    expect(raw.toString('latin1')).toMatch(
      /^List-Unsubscribe: <https:\/\/newsletter\.example\.com\/u\/eyJhbGciOi\.token>\r$/m,
    );
    expect(raw.toString('latin1')).toMatch(
      /^List-Id: Online Sunday Morning Sound <sunday\.newsletter\.example\.com>\r$/im,
    );
    expect(raw.toString('latin1')).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(parsed.text).toContain('«\u00a0Le TGV N° 7345 en direction d’Avignon\u00a0»');
    expect(parsed.html).toContain('«\u00a0Le TGV N° 7345 en direction d’Avignon\u00a0»');
    expect(
      String(
        parsed.headers.get('content-type') && (parsed.headers.get('content-type') as { value: string }).value,
      ),
    ).toBe('multipart/alternative');
  });
});

describe('the SES mailer', () => {
  it('sends through the SES API, here its local stand-in, and returns the message id', async () => {
    const to = `chloe.${randomUUID().slice(0, 8)}@exemple.fr`;
    const outcome = await sesMailer({ region: 'eu-west-3', endpoint: inject('sesUrl') }).send(mail(to));
    expect(outcome).toMatchObject({ kind: 'sent', messageId: expect.any(String) });
    const { emails } = (await (await fetch(`${inject('sesUrl')}/store`)).json()) as { emails: StoredEmail[] };
    const stored = emails.filter((e) => e.destination.to.some((t) => t.includes(to)));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.subject).toBe('Online Sunday Morning Sound #34 — Chambre en Provence « été » ☀️');
  });

  it('reports an unknown outcome when SES cannot be reached, never a failure to retry', async () => {
    const outcome = await sesMailer({
      region: 'eu-west-3',
      endpoint: 'http://127.0.0.1:9',
      timeoutMs: 2000,
    }).send(mail('x@exemple.fr'));
    expect(outcome.kind).toBe('unknown');
  });
});

describe('what an SES error means for the sender', () => {
  const sesError = (name: string, message: string, status = 400) =>
    new SESServiceException({
      name,
      message,
      $fault: status >= 500 ? 'server' : 'client',
      $metadata: { httpStatusCode: status },
    });

  it.each([
    [sesError('Throttling', 'Maximum sending rate exceeded.'), 'throttled'],
    [sesError('Throttling', 'Daily message quota exceeded.'), 'quota_exceeded'],
    [
      new MessageRejected({ message: 'Email address is not verified.', $metadata: { httpStatusCode: 400 } }),
      'rejected',
    ],
    [sesError('ServiceUnavailable', 'Service unavailable', 503), 'unknown'],
    [Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 'unknown'],
  ])('%s → %s', (error, kind) => {
    expect(outcomeOf(error).kind).toBe(kind);
  });

  it('throws on a setup error, which no retry or reader can fix', () => {
    expect(() =>
      outcomeOf(sesError('ConfigurationSetDoesNotExist', 'Configuration set <x> does not exist.')),
    ).toThrow('Configuration set <x> does not exist.');
  });
});
