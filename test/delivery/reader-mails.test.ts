import { beforeAll, describe, expect, it } from 'vitest';
import { compileMjml } from '../../emails/compile-mjml.ts';
import { createMjmlRenderer } from '../../emails/mjml-renderer.ts';
import { dynamoClickStore } from '../../shared/adapters/dynamodb/click-store.ts';
import { dynamoTrackLinkStore } from '../../shared/adapters/dynamodb/track-link-store.ts';
import { campaignIdFor } from '../../shared/domain/campaign.ts';
import type { Language } from '../../shared/domain/issue.ts';
import { trackUrlKey } from '../../shared/domain/music/track-resolution.ts';
import { PLATFORMS } from '../../shared/domain/platforms.ts';
import type { Subscriber } from '../../shared/domain/subscriber.ts';
import { renderIssue } from '../../shared/usecases/render-issue.ts';
import { forgedContent } from '../builders/forged-content.ts';
import { BASE, deliverySetup, waitFor } from '../support/delivery-setup.ts';

const CAMPAIGN = campaignIdFor('iss_34');
const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;
const decode = (body: string | Uint8Array) =>
  typeof body === 'string' ? body : new TextDecoder().decode(body);

/**
 * One Sunday send of an issue whose every field spells placeholders, to readers of both languages on several
 * platforms: each gets the chrome of their language, their platform's links, and their own links in the footer
 * and List-Unsubscribe only; the email was rendered once per language, not per reader.
 */
describe('one send to French and English readers', () => {
  let t: Awaited<ReturnType<typeof deliverySetup>>;
  let compiles = 0;
  let readers: Record<string, Subscriber>;

  beforeAll(async () => {
    t = await deliverySetup({ content: forgedContent() });
    const issue = (await t.issues.get('iss_34'))!;
    // Every track on Deezer and Spotify: the render has variants, and the labels name the platform.
    const resolutions = dynamoTrackLinkStore(t.doc, t.tableName);
    for (const [i, track] of issue.tracks.entries())
      await resolutions.save({
        key: trackUrlKey(track.url),
        url: track.url,
        status: 'resolved',
        pageUrl: `https://song.link/d/${i}`,
        links: { deezer: `https://deezer.example/track/${i}`, spotify: `https://spotify.example/track/${i}` },
        missing: PLATFORMS.filter((p) => p !== 'deezer' && p !== 'spotify'),
        resolvedAt: '2026-11-24T09:00:00.000Z',
      });
    const renderer = createMjmlRenderer({
      seriesName: 'Online Sunday Morning Sound',
      postalAddress: '12 rue des Lilas, Paris',
      subscribeUrl: `${BASE}/subscribe`,
      compile: (mjml, level) => ((compiles += 1), compileMjml(mjml, level)),
    });
    const outcome = await renderIssue('iss_34', issue.revision, {
      store: t.issues,
      renderer,
      clock: t.clock,
      archiveUrl: (slug) => `${BASE}/archive/${slug}`,
      trackLinks: { resolutions, clicks: dynamoClickStore(t.doc, t.tableName), publicBaseUrl: BASE },
    });
    expect(outcome).toMatchObject({ rendered: true, changed: 'links' });

    const add = async (language: Language, platform?: string) =>
      (
        await t.addSubscribers(1, 'confirmed', {
          language,
          preferences: { paused: false, ...(platform ? { platform } : {}) },
        })
      )[0]!;
    readers = {
      frDeezer: await add('fr', 'deezer'),
      frSpotify: await add('fr', 'spotify'),
      fr: await add('fr'),
      enDeezer: await add('en', 'deezer'),
      enSpotify: await add('en', 'spotify'),
      en: await add('en'),
    };
    expect(await t.dispatch()).toMatchObject({ kind: 'dispatched' });
    const workers = t.startWorkers();
    await waitFor(async () => (await t.campaigns.get(CAMPAIGN))?.status === 'done');
    await workers.stop();
  });

  const mailTo = (reader: Subscriber) => {
    const mails = t.sent.filter((m) => m.to.address === reader.email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    return { ...mail, html: decode(mail.html), text: decode(mail.text) };
  };

  it('rendered the email once per language and the page once, whatever the number of readers', () => {
    expect(compiles).toBe(2 + 1);
    expect(Object.keys(readers)).toHaveLength(6);
  });

  it('gives each English reader English chrome, each French reader French, the author’s words as written', () => {
    for (const [name, reader] of Object.entries(readers)) {
      const { html, text, subject } = mailTo(reader);
      const english = reader.language === 'en';
      expect(html).toContain(`<html lang="${reader.language}"`);
      expect(html).toContain(english ? 'Unsubscribe</a>' : 'Se désabonner</a>');
      expect(html).not.toMatch(
        english ? /Se désabonner|Écouter|La playlist/ : /Unsubscribe|Listen|The playlist/,
      );
      expect(text).toContain(english ? '\nThe playlist\n' : '\nLa playlist\n');
      const platform = name.endsWith('Deezer') ? 'Deezer' : name.endsWith('Spotify') ? 'Spotify' : undefined;
      // Each card's main link names the track and, when it leads to one, the reader's platform.
      const track = english ? 'Listen to “[^”<]+”' : 'Écouter «\u00a0[^»<]+\u00a0»';
      expect(html).toMatch(
        new RegExp(`${track}${platform ? ` ${english ? 'on' : 'sur'} ${platform}` : ''}</a>`),
      );
      expect(subject).toBe(`Online Sunday Morning Sound #34 — ${forgedContent().title}`);
      expect(html).toContain('Chambre %%DIMANCHE_UNSUBSCRIBE_URL%%');
    }
  });

  it("puts each reader's own links in their footer and List-Unsubscribe only, and nobody else's", () => {
    const everyone = Object.values(readers).map(mailTo);
    for (const mail of everyone) {
      const unsubscribe = mail.listUnsubscribeUrl!;
      expect(unsubscribe).toMatch(new RegExp(`^${BASE}/u/`));
      const preferences = [
        ...mail.html.matchAll(/href="(https:\/\/newsletter\.example\.org\/preferences\/[^"]+)"/g),
      ];
      expect(preferences).toHaveLength(1);
      for (const link of [unsubscribe, preferences[0]![1]!]) {
        expect(occurrences(mail.html, link)).toBe(1);
        expect(occurrences(mail.text, link)).toBe(1);
      }
      expect(occurrences(mail.html, `${BASE}/u/`)).toBe(1);
      expect(occurrences(mail.text, `${BASE}/u/`)).toBe(1);
      expect(mail.subject).not.toContain(BASE);
      for (const other of everyone.filter((m) => m !== mail))
        expect(mail.html + mail.text).not.toContain(other.listUnsubscribeUrl!);
    }
  });
});
