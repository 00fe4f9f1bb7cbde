import { describe, expect, it } from 'vitest';
import type { AccountFacts, DeliveryPlan } from '../../shared/domain/deliverability/account-facts.ts';
import { assessAccount } from '../../shared/domain/deliverability/assess-account.ts';
import { emptySecretEntries } from '../../shared/domain/deliverability/secret-entries.ts';

// Issue 23: the doctor's verdicts, from facts to one line each (the probes are tested in test/doctor).

const plan: DeliveryPlan = {
  domain: 'dimanche.blog.fr',
  mailFromDomain: 'bounce.dimanche.blog.fr',
  region: 'eu-west-3',
  concurrencyNeeded: 13,
  reportAddress: 'ops@dimanche.blog.fr',
};
const tokens = ['t1', 't2', 't3'];
const healthy = (): AccountFacts => ({
  ses: {
    ok: true,
    value: {
      productionAccess: true,
      sendingEnabled: true,
      max24HourSend: 50_000,
      maxSendRate: 14,
      sentLast24Hours: 0,
      verifiedRecipients: [],
    },
  },
  identity: {
    ok: true,
    value: {
      exists: true,
      verified: true,
      dkimStatus: 'SUCCESS',
      dkimTokens: tokens,
      mailFromDomain: plan.mailFromDomain,
      mailFromStatus: 'SUCCESS',
    },
  },
  dns: {
    ok: true,
    value: {
      dkim: tokens.map((token) => ({ token, targets: [`${token}.dkim.amazonses.com`] })),
      mailFromMx: ['feedback-smtp.eu-west-3.amazonses.com'],
      mailFromTxt: ['v=spf1 include:amazonses.com ~all'],
      dmarcTxt: ['v=DMARC1; p=quarantine'],
    },
  },
  lambda: { ok: true, value: { concurrencyLimit: 1000, unreservedConcurrency: 1000 } },
  audience: { ok: true, value: 30_000 },
  social: { ok: true, value: [{ network: 'mastodon', ok: true, detail: '' }] },
  emptySecrets: { ok: true, value: [] },
});

const verdicts = (facts: AccountFacts) =>
  Object.fromEntries(assessAccount(facts, plan).map((i) => [i.id, i.status]));
const failures = (facts: AccountFacts) =>
  assessAccount(facts, plan)
    .filter((i) => i.status !== 'ok')
    .map((i) => `${i.status} ${i.text.en}`);

describe('the deliverability checks', () => {
  it('pass a healthy account, saying how long the Sunday send takes at the slower of SES and SEND_RATE', () => {
    expect(failures(healthy())).toEqual([]);
    const lines = assessAccount(healthy(), { ...plan, sendRate: 10 }).map((i) => i.text.en);
    expect(lines).toContain('The Sunday send takes about 50 min at 10 mails/s');
    expect(Object.keys(verdicts(healthy()))).toHaveLength(13);
  });

  it("fail on a new account's concurrency of 10 against the 13 the stack may need", () => {
    const facts = {
      ...healthy(),
      lambda: { ok: true as const, value: { concurrencyLimit: 10, unreservedConcurrency: 10 } },
    };
    expect(failures(facts)).toEqual([
      expect.stringMatching(
        /^fail Lambda concurrency quota is 10, the stack may need 13 at once: request at least 100/,
      ),
    ]);
  });

  it('name the DKIM records that do not resolve, and only warn for MAIL FROM, which SES can do without', () => {
    const facts = healthy();
    if (!facts.dns.ok) throw new Error('fixture');
    facts.dns = {
      ok: true,
      value: {
        ...facts.dns.value,
        dkim: [
          { token: 't1', targets: ['t1.dkim.amazonses.com'] },
          { token: 't2', targets: [] },
        ],
        mailFromTxt: [],
      },
    };
    expect(failures(facts)).toEqual([
      'fail DKIM CNAMEs missing for 1 token(s): create t2._domainkey.dimanche.blog.fr',
      'warn MAIL FROM bounce.dimanche.blog.fr: create TXT "v=spf1 include:amazonses.com ~all"',
    ]);
  });

  it('fail on a refused social token, an empty secret, and a probe that did not answer, each with what to do', () => {
    const facts: AccountFacts = {
      ...healthy(),
      social: { ok: true, value: [{ network: 'bluesky', ok: false, detail: 'ExpiredToken' }] },
      emptySecrets: { ok: true, value: ['adminTokens'] },
      lambda: { ok: false, error: 'AccessDenied' },
    };
    expect(failures(facts)).toEqual([
      'fail Lambda concurrency: could not check (AccessDenied); fix the access and run again',
      'fail Bluesky: the token is refused (ExpiredToken); reconnect the account and put the new token in SocialAccountsSecretArn',
      'fail Secrets left empty: adminTokens; fill them (docs/deploy.md, step 6)',
    ]);
  });

  it('fail when SES allows no mail a second rather than promise a send time', () => {
    const facts = healthy();
    if (!facts.ses.ok) throw new Error('fixture');
    facts.ses = { ok: true, value: { ...facts.ses.value, maxSendRate: 0 } };
    expect(failures(facts)).toEqual([
      expect.stringMatching(/^fail SES allows no mail a second \(max send rate 0\)/),
    ]);
  });

  it('name each network as it writes itself, and count readers as each language does', () => {
    const facts: AccountFacts = {
      ...healthy(),
      audience: { ok: true, value: 1 },
      social: {
        ok: true,
        value: [
          { network: 'linkedin', ok: true, detail: '' },
          { network: 'x', ok: false, detail: 'Unauthorized' },
        ],
      },
    };
    const text = (id: string) => assessAccount(facts, plan).find((i) => i.id === id)?.text;
    expect(text('social_linkedin')).toEqual({
      en: 'LinkedIn: token accepted',
      fr: 'LinkedIn : jeton accepté',
    });
    expect(text('social_x')?.fr).toMatch(/^X : le jeton est refusé \(Unauthorized\)/);
    expect(text('quota')).toEqual({
      en: 'Daily quota 50,000 for 1 confirmed reader',
      fr: 'Quota quotidien 50\u202f000 pour 1 abonné confirmé',
    });
    const none = assessAccount({ ...healthy(), audience: { ok: true, value: 0 } }, plan);
    expect(none.find((i) => i.id === 'quota')?.text.fr).toBe(
      'Quota quotidien 50\u202f000 pour 0 abonné confirmé',
    );
    expect(text('send_time')?.fr).toMatch(/^L’envoi du dimanche prend environ 1 min/);
  });

  it('say the same in French for the studio', () => {
    const facts = { ...healthy(), identity: { ok: true as const, value: { exists: false as const } } };
    expect(assessAccount(facts, plan).find((i) => i.id === 'identity')?.text.fr).toMatch(
      /^dimanche\.blog\.fr n'est pas une identité SES dans cette région/,
    );
  });
});

describe('the secret entries', () => {
  it('name the app entries still as shipped, and each enabled network without an account', () => {
    expect(
      emptySecretEntries(
        { webhookSecrets: ['w'], adminTokens: [], linkKeys: [{ id: 'k' }], subscriberIdKey: '' },
        { mastodon: { accessToken: 'x' } },
        ['mastodon', 'x'],
      ),
    ).toEqual(['adminTokens', 'subscriberIdKey', 'social account x']);
  });
});
