import { describe, expect, it } from 'vitest';
import { settingsPage } from '../../emails/studio/settings-page.tsx';
import type { Language } from '../../shared/domain/issue.ts';
import type { SocialAttempt } from '../../shared/domain/social/social-attempt.ts';
import { formatter } from '../../shared/i18n/studio/format.ts';

const attempt = (network: SocialAttempt['network'], state: SocialAttempt['state']): SocialAttempt => ({
  issueId: 'iss_34' as SocialAttempt['issueId'],
  network,
  state,
  attempts: 1,
  version: 2,
  updatedAt: '2026-12-06T08:01:00Z',
});

const settings = (language: Language, attempts: SocialAttempt[]) =>
  String(
    settingsPage({
      attempts,
      plan: { next: undefined, nextAt: undefined } as never,
      deliverability: undefined,
      webhookUrl: undefined,
      language,
      f: formatter(language, 'Europe/Paris'),
      csrf: 'csrf',
      publicBaseUrl: 'https://dimanche.example',
      connected: [],
      schedule: '0 9 * * 0',
      timeZone: 'Europe/Paris',
    }),
  );

describe('Réglages’ last post on a network, when it did not go out', () => {
  it('says what happened in her words, never the stored state', () => {
    const fr = settings('fr', [attempt('linkedin', 'needs_reconnect'), attempt('x', 'failed')]);
    expect(fr).toContain('Dernière annonce\u00a0: Échec, ');
    expect(fr).not.toMatch(/needs_reconnect|failed,/);
    const en = settings('en', [attempt('linkedin', 'skipped')]);
    expect(en).toContain('Last post: Skipped, ');
    expect(en).not.toContain('skipped,');
  });
});
