import { describe, expect, it } from 'vitest';
import { authorMailRenderer } from '../../emails/author-mail.ts';
import { type AuthorNotice, noticeIssue } from '../../shared/ports/author-notices.ts';
import { anIssue } from '../builders/issue.ts';

const BASE = 'https://dimanche.example.org';
const NB = '\u00a0';

/** Sunday's report when LinkedIn could not post because its connection is "à reconnecter". */
const report: AuthorNotice = {
  kind: 'campaign_report',
  issue: noticeIssue(anIssue()),
  startedAt: '2026-11-29T08:00:00.000Z',
  finishedAt: '2026-11-29T08:21:00.000Z',
  counts: { audience: 2, sent: 2, failed: 0, ambiguous: 0, skipped: 0, pending: 0, claimed: 0, sending: 0 },
  posts: [
    {
      network: 'linkedin',
      attempt: { state: 'skipped', detail: `à reconnecter${NB}: «${NB}Reconnecter${NB}» dans Réglages` },
    },
  ],
};

describe('the Sunday report, for a network whose connection must be renewed', () => {
  it('says the post did not go out, and why, without claiming no account is set up', () => {
    const mail = authorMailRenderer({ language: 'fr', timeZone: 'Europe/Paris', publicBaseUrl: BASE })(
      report,
    );
    expect(mail.text).toContain(
      `- LinkedIn — non publiée (à reconnecter${NB}: «${NB}Reconnecter${NB}» dans Réglages)`,
    );
    expect(mail.text).not.toContain('pas de compte configuré');
    const en = authorMailRenderer({ language: 'en', timeZone: 'Europe/Paris', publicBaseUrl: BASE })(report);
    expect(en.text).toContain('- LinkedIn — not posted (');
    expect(en.text).not.toContain('no account configured');
  });
});
