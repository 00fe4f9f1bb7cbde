import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMjmlRenderer } from '../../emails/mjml-renderer.ts';
import { loadMusicSettings } from '../../shared/domain/settings/music.ts';
import { createLocalMusic } from '../../infra/local/runtime/local-music-worker.ts';
import { renderMusicDeps } from '../../functions/wiring/music.ts';
import { createJsonLogger } from '../../shared/adapters/log/json-logger.ts';
import { odesliControl, startFakeOdesli } from '../../infra/local/stand-ins/music/fake-odesli.ts';
import { startFakeWeb } from '../../infra/local/stand-ins/music/fake-web.ts';
import { localOutbound } from '../../infra/local/stand-ins/local-outbound.ts';
import { dynamoClickStore } from '../../shared/adapters/dynamodb/click-store.ts';
import { dynamoTrackLinkStore } from '../../shared/adapters/dynamodb/track-link-store.ts';
import { dynamoWarningStore } from '../../shared/adapters/dynamodb/warning-store.ts';
import { inProcessRenderTrigger } from '../../infra/local/runtime/in-process-render-trigger.ts';
import { campaignIdFor } from '../../shared/domain/campaign.ts';
import { trackUrlKey } from '../../shared/domain/music/track-resolution.ts';
import { type LinkVariant, PLATFORMS } from '../../shared/domain/platforms.ts';
import { acceptPost } from '../../shared/usecases/accept-post.ts';
import { anIssueContent } from '../builders/issue.ts';
import { BASE, deliverySetup, waitFor } from '../support/delivery-setup.ts';
import { recordAuthorMails } from '../support/author-mails.ts';

const CAMPAIGN = campaignIdFor('iss_34');
const fakes: { close: () => Promise<void> }[] = [];
afterAll(() => Promise.all(fakes.map((f) => f.close())));

/**
 * Issue 7 end to end on the local stack: a post comes in, its tracks are resolved through the song.link fake
 * by the music worker, the email is rendered again with click links, and on Sunday each reader's mail leads
 * with their platform, with no resolver call while sending.
 */
const setup = async () => {
  const t = await deliverySetup();
  const [odesli, web] = await Promise.all([startFakeOdesli({ ratePerMinute: 600 }), startFakeWeb()]);
  fakes.push(odesli, web);
  const { mails: notices, author } = recordAuthorMails();
  const music = createLocalMusic({});
  const renderTrigger = inProcessRenderTrigger({
    store: t.issues,
    renderer: createMjmlRenderer({ seriesName: 'OSMS', postalAddress: 'Paris', subscribeUrl: `${BASE}/s` }),
    clock: t.clock,
    archiveUrl: (slug) => `${BASE}/archive/${slug}`,
    ...renderMusicDeps({
      doc: t.doc,
      tableName: t.tableName,
      queue: music.musicQueue,
      clock: t.clock,
      publicBaseUrl: BASE,
    }),
  });
  const worker = music.start({
    doc: t.doc,
    tableName: t.tableName,
    renderTrigger,
    author,
    clock: t.clock,
    logger: createJsonLogger({ service: 'test', level: 'silent' }),
    timeZone: 'Europe/Paris',
    sendTime: '09:00',
    settings: loadMusicSettings({ ODESLI_API_URL: odesli.url, RESOLVER_RATE_PER_MINUTE: '600' }),
    outbound: localOutbound({ standIns: [], web: web.url }),
  });
  fakes.push({ close: worker.stop });
  return { ...t, odesli: odesliControl(odesli.url), renderTrigger, notices };
};

let t: Awaited<ReturnType<typeof setup>>;
const resolverCalls = async (control: ReturnType<typeof odesliControl>) => (await control.calls()).length;

beforeAll(async () => {
  t = await setup();
}, 60_000);

describe('track links, from the post to Sunday', () => {
  it('resolves each track once, off the webhook, and renders the email again with every platform', async () => {
    // A revision of the stored #34 comes in: the render step ingests its tracks.
    const accepted = await acceptPost(anIssueContent({ subtitle: 'Révision' }), {
      store: t.issues,
      renderTrigger: t.renderTrigger,
      clock: t.clock,
      timeZone: 'Europe/Paris',
    });
    expect(accepted).toMatchObject({ ok: true, outcome: 'revised', warnings: [] });
    const distinct = new Set(anIssueContent().tracks.map((track) => trackUrlKey(track.url))).size;

    // Rendered at once with the authors' links (one variant), again once every track is resolved.
    const variants = async () => {
      const issue = await t.issues.get('iss_34');
      const render = await t.issues.getRender('iss_34', issue!.renderedRevision ?? 0);
      return Object.keys(render?.emails.fr?.variants ?? {});
    };
    await waitFor(async () => (await variants()).length > 1, 30_000);
    const render = { variants: await variants() };
    expect(render.variants.length).toBeGreaterThan(2);
    expect(render.variants.length).toBeLessThanOrEqual(PLATFORMS.length + 1);
    expect(await resolverCalls(t.odesli)).toBe(distinct);

    // The check after resolution saved what the platforms lack, and told the author.
    await waitFor(
      async () => (await dynamoWarningStore(t.doc, t.tableName).list('iss_34')).resolution !== undefined,
    );
    // The mail follows the saved resolution (its fingerprint claimed first): on a busy machine, a moment later.
    await waitFor(async () => t.notices.some((n) => n.notice.kind === 'warnings'));
    const warningsMail = t.notices.find((n) => n.notice.kind === 'warnings');
    expect(warningsMail?.subject).toContain('#34 — Chambre en Provence');
    expect(warningsMail?.html).toContain('/studio/issues/34');

    // Another revision of the same tracks: every resolution comes from the cache.
    await acceptPost(anIssueContent({ subtitle: 'Encore une révision' }), {
      store: t.issues,
      renderTrigger: t.renderTrigger,
      clock: t.clock,
      timeZone: 'Europe/Paris',
    });
    await waitFor(async () => (await t.issues.get('iss_34'))?.renderedRevision === 3);
    // Its first render already has every platform: the links were all in the cache.
    expect((await variants()).length).toBe(render.variants.length);
    expect(await resolverCalls(t.odesli)).toBe(distinct);
  });

  it('sends each reader their platform first, makes no resolver call while sending, and counts clicks', async () => {
    const callsBefore = await resolverCalls(t.odesli);
    const readers = {
      deezer: (
        await t.addSubscribers(1, 'confirmed', { preferences: { platform: 'deezer', paused: false } })
      )[0]!,
      spotify: (
        await t.addSubscribers(1, 'confirmed', { preferences: { platform: 'spotify', paused: false } })
      )[0]!,
      universal: (await t.addSubscribers(1, 'confirmed', { preferences: { paused: false } }))[0]!,
      // A platform we no longer offer: that reader gets the universal links.
      legacy: (
        await t.addSubscribers(1, 'confirmed', { preferences: { platform: 'qobuz', paused: false } })
      )[0]!,
    };
    expect(await t.dispatch()).toMatchObject({ kind: 'dispatched' });
    const workers = t.startWorkers();
    await waitFor(async () => (await t.campaigns.get(CAMPAIGN))?.status === 'done');
    await workers.stop();
    expect(await resolverCalls(t.odesli)).toBe(callsBefore);

    const clicks = dynamoClickStore(t.doc, t.tableName);
    const resolutions = await dynamoTrackLinkStore(t.doc, t.tableName).getMany(
      anIssueContent().tracks.map((track) => trackUrlKey(track.url)),
    );
    const issue = (await t.issues.get('iss_34'))!;
    const htmlTo = (email: string) => {
      const mail = t.sent.find((m) => m.to.address === email);
      return new TextDecoder().decode(mail!.html as Uint8Array);
    };
    /** Each card's main link ("Écouter …"), as the platform its click link leads to. */
    const leads = async (html: string) => {
      const ids = [...html.matchAll(/<br><a href="https:\/\/newsletter\.example\.org\/r\/([\w-]{22})"/g)].map(
        (m) => m[1] as string,
      );
      return Promise.all(ids.map(async (id) => (await clicks.find(id))?.platform));
    };
    const expected = (variant: LinkVariant) =>
      issue.tracks.map((track) => {
        const r = resolutions.get(trackUrlKey(track.url));
        return r?.status === 'resolved' && variant !== 'universal' && r.links[variant]
          ? variant
          : 'universal';
      });

    expect(await leads(htmlTo(readers.deezer.email))).toEqual(expected('deezer'));
    expect(expected('deezer')).toContain('deezer');
    expect(await leads(htmlTo(readers.spotify.email))).toEqual(expected('spotify'));
    expect(await leads(htmlTo(readers.universal.email))).toEqual(expected('universal'));
    expect(await leads(htmlTo(readers.legacy.email))).toEqual(expected('universal'));

    const [first] = [...htmlTo(readers.deezer.email).matchAll(/\/r\/([\w-]{22})/g)].map(
      (m) => m[1] as string,
    );
    const link = await clicks.find(first!);
    await clicks.count(link!);
    expect(await clicks.countsFor('iss_34')).toContainEqual(
      expect.objectContaining({ position: link!.position, platform: link!.platform, clicks: 1 }),
    );
  });
});
