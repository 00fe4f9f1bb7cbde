import { afterAll, describe, expect, it } from 'vitest';
import { createMjmlRenderer } from '../../emails/mjml-renderer.ts';
import { loadMusicSettings } from '../../shared/domain/settings/music.ts';
import { createLocalMusic } from '../../infra/local/runtime/local-music-worker.ts';
import { renderMusicDeps } from '../../functions/wiring/music.ts';
import { createJsonLogger } from '../../shared/adapters/log/json-logger.ts';
import { startFakeOdesli } from '../../infra/local/stand-ins/music/fake-odesli.ts';
import { startFakeWeb } from '../../infra/local/stand-ins/music/fake-web.ts';
import { localOutbound } from '../../infra/local/stand-ins/local-outbound.ts';
import { dynamoWarningStore } from '../../shared/adapters/dynamodb/warning-store.ts';
import { inProcessRenderTrigger } from '../../infra/local/runtime/in-process-render-trigger.ts';
import { acceptPost } from '../../shared/usecases/accept-post.ts';
import { anIssueContent } from '../builders/issue.ts';
import { recordAuthorMails } from '../support/author-mails.ts';
import { BASE, deliverySetup, waitFor } from '../support/delivery-setup.ts';

const fakes: { close: () => Promise<void> }[] = [];
afterAll(() => Promise.all(fakes.map((f) => f.close())));

/** The local stack from the post to the author's mail: render step, music worker, song.link and web fakes. */
const setup = async () => {
  const t = await deliverySetup();
  const [odesli, web] = await Promise.all([startFakeOdesli({ ratePerMinute: 600 }), startFakeWeb()]);
  fakes.push(odesli, web);
  const { mails, author } = recordAuthorMails();
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
  const post = (subtitle: string) =>
    acceptPost(anIssueContent({ subtitle }), {
      store: t.issues,
      renderTrigger,
      clock: t.clock,
      timeZone: 'Europe/Paris',
    });
  const checkedRevision = async () =>
    (await dynamoWarningStore(t.doc, t.tableName).list('iss_34')).resolution?.revision;
  return { ...t, web, mails, post, checkedRevision };
};

const warningsMails = (mails: Awaited<ReturnType<typeof setup>>['mails']) =>
  mails.filter((m) => m.notice.kind === 'warnings');

describe('the warnings mail', () => {
  it('goes once for a warning set: not again for the same post, nor for a revision whose warnings did not change', async () => {
    const t = await setup();
    await t.web.control.dead(anIssueContent().tracks[2]!.url, 404);

    expect(await t.post('Une semaine en Provence')).toMatchObject({ ok: true, outcome: 'revised' });
    await waitFor(async () => warningsMails(t.mails).length === 1, 30_000);
    const revision = (await t.issues.get('iss_34'))!.revision;
    await waitFor(async () => (await t.checkedRevision()) === revision, 30_000);

    // The blog sends the same post twice (a save, then a publish): nothing new, nothing mailed.
    expect(await t.post('Une semaine en Provence')).toMatchObject({ ok: true, outcome: 'unchanged' });
    // A typo fixed in the subtitle: a new revision, checked again, with the same warnings.
    expect(await t.post('Une semaine en Provence, enfin')).toMatchObject({ ok: true, outcome: 'revised' });
    await waitFor(async () => (await t.checkedRevision()) === revision + 1, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const [mail] = warningsMails(t.mails);
    expect(warningsMails(t.mails)).toHaveLength(1);
    expect(mail?.subject).toMatch(/^\[Dimanche\] #34 — Chambre en Provence\u00a0: \d+ avertissements?$/);
    expect(mail?.text).toContain('1 lien mort');
    expect(mail?.html).toContain('/studio/issues/34');

    // A new problem changes the set: told again, with the whole list.
    await t.web.control.dead(anIssueContent().tracks[4]!.url, 410);
    expect(await t.post('Une semaine en Provence, enfin !')).toMatchObject({ outcome: 'revised' });
    await waitFor(async () => warningsMails(t.mails).length === 2, 30_000);
    expect(warningsMails(t.mails)[1]?.text).toContain('2 liens morts');
  }, 90_000);
});
