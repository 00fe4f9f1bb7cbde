import { describe, expect, it } from 'vitest';
import type { Campaign } from '../../shared/domain/campaign.ts';
import { signInMail } from '../../emails/studio/sign-in-mail.ts';
import { campaignProgress } from '../../shared/domain/studio/campaign-progress.ts';
import { chosenFile } from '../../shared/domain/studio/chosen-file.ts';
import { errorReference } from '../../shared/domain/studio/error-reference.ts';
import { readerLanguageOf, variantOf } from '../../shared/domain/studio/preview-choice.ts';
import { exportStatusOf, readerFilterOf } from '../../shared/domain/studio/reader-query.ts';
import { formatter } from '../../shared/i18n/studio/format.ts';
import { studioStrings } from '../../shared/i18n/studio/studio-strings.ts';
import { progressJson } from '../../shared/usecases/studio/campaign-progress-json.ts';
import { readerChangeOf } from '../../shared/usecases/studio/reader-change.ts';

describe('what the studio reads from a request before a use case', () => {
  it('shows every reader for an unknown status, and exports the confirmed ones unless asked otherwise', () => {
    expect(readerFilterOf('suppressed')).toBe('suppressed');
    expect(readerFilterOf('deleted')).toBe('all');
    expect(readerFilterOf(undefined)).toBe('all');
    expect(exportStatusOf('pending')).toBe('pending');
    expect(exportStatusOf('unsubscribed')).toBe('unsubscribed');
    expect(exportStatusOf('suppressed')).toBe('confirmed');
  });

  it('takes a reader form with a printable name and a known language, naming each field it refuses', () => {
    expect(readerChangeOf({ name: '  Eléa ', language: 'en' })).toEqual({
      ok: true,
      change: { name: 'Eléa', language: 'en' },
    });
    expect(readerChangeOf({ name: '', language: 'fr' })).toEqual({
      ok: true,
      change: { name: undefined, language: 'fr' },
    });
    expect(readerChangeOf({ name: 'a\u0007b', language: 'de' })).toEqual({
      ok: false,
      problems: ['invalidName', 'invalidLanguage'],
    });
    expect(readerChangeOf({ name: 'x'.repeat(101), language: 'fr' })).toEqual({
      ok: false,
      problems: ['invalidName'],
    });
  });

  it('sees no file in the unnamed, empty one a browser sends when none was chosen', () => {
    expect(chosenFile(new File([], ''))).toBeUndefined();
    expect(chosenFile('abonnes.csv')).toBeUndefined();
    const empty = new File([], 'abonnes.csv');
    expect(chosenFile(empty)).toBe(empty);
  });

  it('previews an issue in a known reader language and platform, else its own language and song.link', () => {
    expect(readerLanguageOf('en')).toBe('en');
    expect(readerLanguageOf('de')).toBeUndefined();
    expect(variantOf('spotify')).toBe('spotify');
    expect(variantOf('myspace')).toBe('universal');
    expect(variantOf(undefined)).toBe('universal');
  });

  it('gives an error a reference of eight characters that read out without confusion', () => {
    expect(errorReference()).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(errorReference()).not.toBe(errorReference());
  });
});

describe("a campaign's live figures, as its page's script polls them", () => {
  it('gives the counts and the words the page shows', () => {
    const campaign = { startedAt: '2026-12-06T08:00:00.000Z', audience: 8, status: 'sending' } as Campaign;
    const counts = {
      audience: 10,
      claimed: 0,
      sending: 0,
      sent: 4,
      failed: 1,
      skipped: 1,
      ambiguous: 0,
      pending: 4,
    };
    const progress = campaignProgress(campaign, counts, new Date('2026-12-06T08:00:02.000Z'));
    const t = studioStrings('fr');
    const json = progressJson(progress, t, formatter('fr', 'Europe/Paris'));
    expect(json).toEqual({
      status: 'sending',
      audience: 10,
      done: 6,
      text: {
        audience: '10',
        sent: '4',
        failed: '1',
        pending: '4',
        rate: t.campaigns.perSecond('2'),
        status: t.campaigns.status.sending,
      },
    });
  });
});

describe('the sign-in mail', () => {
  it('carries the link in its text and behind an escaped button in its HTML', () => {
    const mail = signInMail('fr')('https://example.org/studio/sign-in/a&b');
    expect(mail.subject).toBe('Votre lien de connexion au studio');
    expect(mail.text).toContain('https://example.org/studio/sign-in/a&b');
    expect(mail.html).toContain('<a href="https://example.org/studio/sign-in/a&amp;b">Ouvrir le studio</a>');
    expect(mail.html).toContain('<br>');
  });
});
