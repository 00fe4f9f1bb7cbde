import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { buildRawMime } from '../../shared/adapters/mail/raw-mime.ts';
import { campaignIdFor } from '../../shared/domain/campaign.ts';
import { deliverySetup, storedMailTo, waitFor } from '../support/delivery-setup.ts';

const CAMPAIGN = campaignIdFor('iss_34');

describe('a Sunday run', () => {
  it('mails exactly the 1,000 confirmed subscribers once, each with their own one-click unsubscribe link', async () => {
    const t = await deliverySetup();
    const confirmed = await t.addSubscribers(1000, 'confirmed');
    await t.addSubscribers(50, 'pending');
    const suppressed = await t.addSubscribers(20, 'confirmed');
    for (const s of suppressed) await t.subscribers.suppress(s.id, 'hard_bounce', '2026-11-20T10:00:00.000Z');

    const dispatched = await t.dispatch();
    expect(dispatched).toMatchObject({
      kind: 'dispatched',
      campaign: { audience: 1000, batches: 20, status: 'sending' },
    });
    expect(await t.dispatch()).toMatchObject({ kind: 'already_started' });

    const workers = t.startWorkers();
    await waitFor(async () => (await t.campaigns.get(CAMPAIGN))?.status === 'done');
    await workers.stop();

    const counts = await t.campaigns.counts(CAMPAIGN);
    expect(counts).toMatchObject({
      audience: 1000,
      sent: 1000,
      failed: 0,
      ambiguous: 0,
      skipped: 0,
      pending: 0,
    });
    const mails = (await storedMailTo(t.domain)).filter((m) => !m.subject.startsWith('[Dimanche]'));
    expect(mails).toHaveLength(1000);
    const recipients = mails.map((m) => m.destination.to[0] ?? '');
    expect(new Set(recipients).size).toBe(1000);
    expect(new Set(recipients.map((r) => /<?([^<>\s]+@[^<>\s]+)>?$/.exec(r)?.[1]))).toEqual(
      new Set(confirmed.map((s) => s.email)),
    );
    expect(mails[0]?.subject).toBe('Online Sunday Morning Sound #34 — Chambre en Provence');

    // Each mail's unsubscribe link is signed for its own reader.
    for (const mail of t.sent.filter((m) => m.listUnsubscribeUrl).slice(0, 50)) {
      const token = mail.listUnsubscribeUrl?.split('/u/')[1] ?? '';
      const verified = await t.tokens.verify(token, 'unsubscribe');
      expect(verified.ok && confirmed.find((s) => s.id === verified.claims.subscriberId)?.email).toBe(
        mail.to.address,
      );
      expect(new TextDecoder().decode(mail.html as Uint8Array)).toContain(
        `href="${mail.listUnsubscribeUrl}"`,
      );
    }

    const sample = t.sent.find((m) => m.listUnsubscribeUrl);
    if (!sample) throw new Error('nothing sent');
    const parsed = await simpleParser(await buildRawMime(sample));
    // A long header is folded (RFC 5322 §2.2.3): unfolding removes the line breaks, not the spaces.
    const unfolded = (key: string) =>
      parsed.headerLines.filter((h) => h.key === key).map((h) => h.line.replace(/\r?\n(?=[ \t])/g, ''));
    expect(unfolded('list-unsubscribe')).toEqual([`List-Unsubscribe: <${sample.listUnsubscribeUrl}>`]);
    expect(sample.listUnsubscribeUrl).toMatch(/^https:\/\//);
    expect(parsed.headerLines.filter((h) => h.key === 'list-unsubscribe-post').map((h) => h.line)).toEqual([
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    ]);
    expect(parsed.subject).toBe('Online Sunday Morning Sound #34 — Chambre en Provence');
    expect(parsed.text).toContain('1. Françoise Hardy – Le temps de l’amour');
    expect(parsed.html).toContain('«\u00a0Le TGV N° 7345 en direction d’Avignon');

    const report = (await storedMailTo(t.domain)).filter((m) => m.subject.startsWith('[Dimanche]'));
    expect(report).toHaveLength(1);
    expect(report[0]?.subject).toBe(
      '[Dimanche] Envoyé\u00a0: #34 — Chambre en Provence, à 1\u202f000 abonnés sur 1\u202f000',
    );
    expect(report[0]?.body.text).toMatch(/\nEnvoyés \.+ 1\u202f000\n/);
    expect((await t.issues.get('iss_34'))?.status).toBe('sent');
  }, 120_000);

  it('stops mail to a subscriber who unsubscribes after the start, once that is committed', async () => {
    const t = await deliverySetup();
    const confirmed = await t.addSubscribers(120, 'confirmed');
    await t.dispatch();
    const leaving = confirmed.slice(60, 70);
    for (const s of leaving)
      await t.subscribers.replace(
        { ...s, status: 'unsubscribed', unsubscribedAt: '2026-11-29T08:01:00.000Z' },
        'confirmed',
      );

    const workers = t.startWorkers();
    await waitFor(async () => (await t.campaigns.get(CAMPAIGN))?.status === 'done');
    await workers.stop();

    const to = new Set(t.sent.map((m) => m.to.address));
    for (const s of leaving) expect(to.has(s.email)).toBe(false);
    expect(await t.campaigns.counts(CAMPAIGN)).toMatchObject({ audience: 120, sent: 110, skipped: 10 });
  }, 60_000);

  it('freezes the audience at the start: a confirmation after it waits for next Sunday', async () => {
    const t = await deliverySetup();
    await t.addSubscribers(5, 'confirmed');
    await t.addSubscribers(3, 'confirmed', { confirmedAt: '2026-11-29T08:00:01.000Z' });
    expect(await t.dispatch()).toMatchObject({ kind: 'dispatched', campaign: { audience: 5 } });
  });
});
