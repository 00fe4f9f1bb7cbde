import type fc from 'fast-check';
import { expect } from 'vitest';
import type { LinkTokens } from '../../../shared/ports/link-tokens.ts';
import type { Language } from '../../../shared/domain/issue.ts';
import type { SubscriberStatus } from '../../../shared/domain/subscriber.ts';
import { admin } from '../../support/test-app.ts';
import { fromIp, idOf, importCsv, linkIn, type TestApp } from '../support.ts';
import { sameMailbox } from './same-mailbox.ts';
import {
  CONFIRM_LINK_MS,
  countsOf,
  expectMail,
  mailboxOf,
  type ModelRecord,
  signUpInModel,
  type SubscriptionModel,
} from './subscription-model.ts';

export type Real = {
  t: TestApp;
  sesUrl: string;
  baseUrl: string;
  tokens: LinkTokens;
  /** Counts by status before this run: the table is shared by the runs, the mailboxes are not. */
  baseline: Record<SubscriberStatus, number>;
  /** How many mails of the SES stand-in's store were already turned into links. */
  mailsSeen: number;
  /** A new client address for each sign-up, across runs: the per-IP limit is not what this model checks. */
  nextIp: () => string;
};

type Command = fc.AsyncCommand<SubscriptionModel, Real>;

type StoredMail = { destination: { to: string[] }; subject: string; body: { html?: string } };

const storedMails = async (real: Real) =>
  ((await (await fetch(`${real.sesUrl}/store`)).json()) as { emails: StoredMail[] }).emails;

/** New confirmation mails become links the reader may click later, stale or not. */
const collectLinks = async (m: SubscriptionModel, real: Real) => {
  const mails = await storedMails(real);
  for (const mail of mails.slice(real.mailsSeen)) {
    const to = mail.destination.to[0] ?? '';
    m.links.push({
      mailbox: sameMailbox(to.replace(/^.*<|>$/g, '')),
      path: linkIn(mail.body.html ?? '', real.baseUrl, 'confirm'),
      signedAt: m.now,
    });
  }
  real.mailsSeen = mails.length;
};

/** After every step: the records, the counts by status and the mails are the model's. */
export const checkInvariants = async (m: SubscriptionModel, real: Real) => {
  for (const spellings of m.addresses) {
    const mailbox = sameMailbox(spellings[0] ?? '');
    const stored = await real.t.subscribers.get(idOf(mailbox));
    const expected = m.records.get(mailbox);
    if (!expected) expect(stored, mailbox).toBeUndefined();
    else if (expected.status === 'suppressed')
      expect(stored, mailbox).toMatchObject({ status: 'suppressed', reason: 'erased' });
    else
      expect(stored, mailbox).toMatchObject({
        status: expected.status,
        language: expected.language,
        preferences: { paused: expected.paused },
      });
  }
  const counts = (await (await real.t.app.request('/admin/subscribers/counts', admin)).json()) as Record<
    SubscriberStatus,
    number
  >;
  const model = countsOf(m);
  for (const status of Object.keys(model) as SubscriberStatus[])
    expect(counts[status] - real.baseline[status], status).toBe(model[status]);
  const mails = await storedMails(real);
  const byMailbox = new Map<string, number>();
  for (const mail of mails) {
    const mailbox = sameMailbox((mail.destination.to[0] ?? '').replace(/^.*<|>$/g, ''));
    byMailbox.set(mailbox, (byMailbox.get(mailbox) ?? 0) + 1);
  }
  expect(byMailbox).toEqual(new Map([...m.mails].filter(([, n]) => n > 0)));
};

export class SignUp implements Command {
  constructor(
    readonly who: number,
    readonly spelling: number,
    readonly language: Language,
  ) {}
  check = () => true;
  async run(m: SubscriptionModel, real: Real) {
    const { address, mailbox } = mailboxOf(m, this.who, this.spelling);
    const response = await real.t.app.request(
      '/subscribe',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: address, language: this.language }),
      },
      fromIp(real.nextIp()),
    );
    const accepted = signUpInModel(m, mailbox, this.language);
    expect(response.status, address).toBe(accepted ? 202 : 429);
    await collectLinks(m, real);
    await checkInvariants(m, real);
  }
  toString = () => `signUp(#${this.who}, spelling ${this.spelling}, ${this.language})`;
}

export class Confirm implements Command {
  constructor(
    readonly link: number,
    readonly clicks: 1 | 2,
  ) {}
  check = (m: Readonly<SubscriptionModel>) => m.links.length > 0;
  async run(m: SubscriptionModel, real: Real) {
    // Counted from the newest: the last mail, or one of the few before it (a stale link).
    const link = m.links[m.links.length - 1 - (this.link % m.links.length)];
    if (!link) throw new Error('no link');
    const click = () => real.t.app.request(link.path, { method: 'POST' });
    const answers = await Promise.all(Array.from({ length: this.clicks }, click));
    const age = m.now - link.signedAt;
    // Within a second of the expiry either answer is right: the token's clock counts whole seconds.
    if (Math.abs(age - CONFIRM_LINK_MS) <= 1000) {
      const record = m.records.get(link.mailbox);
      if (record?.status === 'pending' && answers.some((a) => a.status === 200))
        m.records.set(link.mailbox, { ...record, status: 'confirmed' });
    } else if (age > CONFIRM_LINK_MS) {
      for (const answer of answers) expect(answer.status).toBe(404);
    } else {
      const record = m.records.get(link.mailbox);
      if (record?.status === 'pending') m.records.set(link.mailbox, { ...record, status: 'confirmed' });
      const confirmed = m.records.get(link.mailbox)?.status === 'confirmed';
      for (const answer of answers) expect(answer.status).toBe(confirmed ? 200 : 409);
    }
    await checkInvariants(m, real);
  }
  toString = () =>
    `confirm(${this.link ? `link ${this.link} before the newest` : 'newest link'}, ${this.clicks} click${this.clicks > 1 ? 's' : ''})`;
}

export class Unsubscribe implements Command {
  constructor(readonly who: number) {}
  check = () => true;
  async run(m: SubscriptionModel, real: Real) {
    const { mailbox } = mailboxOf(m, this.who);
    const token = await real.tokens.sign({ purpose: 'unsubscribe', subscriberId: idOf(mailbox) });
    // A double click: the same one-click POST twice at once.
    const post = () =>
      real.t.app.request(`/u/${token}`, {
        method: 'POST',
        body: new URLSearchParams({ 'List-Unsubscribe': 'One-Click' }),
      });
    const answers = await Promise.all([post(), post()]);
    for (const answer of answers) expect(answer.status).toBe(200);
    const record = m.records.get(mailbox);
    if (record && record.status !== 'suppressed')
      m.records.set(mailbox, { ...record, status: 'unsubscribed' });
    await checkInvariants(m, real);
  }
  toString = () => `unsubscribe(#${this.who}, double click)`;
}

export class ChangePreferences implements Command {
  constructor(
    readonly who: number,
    readonly language: Language,
    readonly paused: boolean,
  ) {}
  check = () => true;
  async run(m: SubscriptionModel, real: Real) {
    const { mailbox } = mailboxOf(m, this.who);
    const token = await real.tokens.sign({ purpose: 'preferences', subscriberId: idOf(mailbox) });
    const answer = await real.t.app.request(`/preferences/${token}`, {
      method: 'POST',
      body: new URLSearchParams({
        language: this.language,
        platform: '',
        delivery: this.paused ? 'paused' : 'active',
      }),
    });
    const record = m.records.get(mailbox);
    // A reader who left is not brought back by a preferences form (a stale tab after "unsubscribe"): refused.
    if (record?.status === 'unsubscribed') expect(answer.status).toBe(409);
    else if (record && record.status !== 'suppressed') {
      expect(answer.status).toBe(200);
      m.records.set(mailbox, { ...record, language: this.language, paused: this.paused });
    } else expect(answer.status).toBe(404);
    await checkInvariants(m, real);
  }
  toString = () => `preferences(#${this.who}, ${this.language}, ${this.paused ? 'paused' : 'active'})`;
}

export class Erase implements Command {
  constructor(readonly who: number) {}
  check = () => true;
  async run(m: SubscriptionModel, real: Real) {
    const { mailbox } = mailboxOf(m, this.who);
    const answer = await real.t.app.request(`/admin/subscribers/${idOf(mailbox)}`, {
      ...admin,
      method: 'DELETE',
    });
    const known = m.records.has(mailbox);
    expect(answer.status).toBe(known ? 204 : 404);
    if (known) m.records.set(mailbox, { status: 'suppressed' });
    await checkInvariants(m, real);
  }
  toString = () => `erase(#${this.who})`;
}

export type ImportLine = { who: number; spelling: number; language: Language; bad: boolean };

export class Import implements Command {
  constructor(
    readonly lines: ImportLine[],
    readonly mode: 'confirm' | 'consented',
    readonly broken: boolean,
  ) {}
  check = () => true;
  async run(m: SubscriptionModel, real: Real) {
    const rows = this.lines.map((line) => ({ ...line, ...mailboxOf(m, line.who, line.spelling) }));
    const csv = [
      'email,language',
      // A bad row is the same mailbox with a language the import refuses: it must change nothing.
      ...rows.map((row) => `${row.address},${row.bad ? 'de' : row.language}`),
      ...(this.broken ? [`${mailboxOf(m, 0).address},"jamais fermé`] : []),
    ].join('\n');
    const query = this.mode === 'confirm' ? 'mode=confirm' : 'mode=consented&source=model';
    const answer = await importCsv(real.t.app, `${csv}\n`, query);
    if (this.broken) {
      expect(answer.status).toBe(422);
      expect(await answer.json()).toMatchObject({ line: rows.length + 2 });
    } else {
      const expected = { created: 0, existing: 0, duplicates: 0, suppressed: 0, invalid: 0 };
      const seen = new Set<string>();
      for (const row of rows) {
        if (row.bad) expected.invalid += 1;
        else if (seen.has(row.mailbox)) expected.duplicates += 1;
        else {
          seen.add(row.mailbox);
          const current = m.records.get(row.mailbox);
          if (current?.status === 'suppressed') expected.suppressed += 1;
          else if (current) expected.existing += 1;
          else {
            expected.created += 1;
            const record: ModelRecord = {
              status: this.mode === 'confirm' ? 'pending' : 'confirmed',
              language: row.language,
              paused: false,
            };
            m.records.set(row.mailbox, record);
            if (this.mode === 'confirm') expectMail(m, row.mailbox);
          }
        }
      }
      expect(answer.status).toBe(200);
      const report = (await answer.json()) as typeof expected & { invalid: unknown[]; rows: number };
      expect({ ...report, invalid: report.invalid.length }).toMatchObject({ ...expected, rows: rows.length });
    }
    await collectLinks(m, real);
    await checkInvariants(m, real);
  }
  toString = () =>
    `import(${this.mode}${this.broken ? ', broken last line' : ''}: ${this.lines
      .map((l) => `#${l.who}/${l.spelling}${l.bad ? ' bad' : ''}`)
      .join(' ')})`;
}

export class MoveClock implements Command {
  constructor(readonly seconds: number) {}
  check = () => true;
  async run(m: SubscriptionModel, real: Real) {
    m.now += this.seconds * 1000;
    real.t.clock.set(new Date(m.now).toISOString());
    await checkInvariants(m, real);
  }
  toString = () => `clock +${this.seconds}s`;
}
