import { afterEach, describe, expect, it } from 'vitest';
import { examplePostBody } from '../builders/issue.ts';
import { ADMIN_TOKEN } from '../support/signed-request.ts';
import { type WeekApp, weekApp } from '../support/week-app.ts';

let week: WeekApp | undefined;
afterEach(async () => {
  await week?.stop();
  week = undefined;
});

/** Tuesday 24 November 2026: the coming Sunday is the 29th. */
const start = async () => {
  week = await weekApp({ readers: 2 });
  let session = await week.signIn();
  const w = week;
  const post = (path: string, fields: Record<string, string> = {}) =>
    w.app.request(path, w.form({ _csrf: session.csrf, ...fields }, session.cookie));
  const get = (path: string) => w.app.request(path, { headers: { cookie: session.cookie } });
  /** A session lasts hours: days later she signs in again. */
  const later = async (iso: string) => {
    w.clock.set(iso);
    session = await w.signIn();
  };
  return { w, post, get, later };
};

describe('send now on the studio', () => {
  it('sends the issue it names, and a replayed form of it sends nothing and says why', async () => {
    const { w, post, get, later } = await start();
    expect((await w.publish(36)).body).toMatchObject({ sunday: '2026-11-29' });
    const second = await w.publish(42, { sunday: '2026-11-29' });
    expect(second.body).toMatchObject({
      sunday: '2026-12-06',
      sundayTaken: { asked: '2026-11-29', holder: 'iss_36', sunday: '2026-12-06' },
    });

    const confirm = await get('/studio/issues/36/send-now');
    expect(confirm.status).toBe(200);
    const sent = await post('/studio/issues/36/send-now');
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe('/studio/campaigns/36');
    await w.drained();
    expect(w.readerMails().map((m) => m.campaign)).toEqual(['cmp_36', 'cmp_36']);

    const replay = await post('/studio/issues/36/send-now');
    expect(replay.status).toBe(409);
    const page = await replay.text();
    expect(page).toContain('Ce numéro a déjà été envoyé');
    expect(page).toContain('href="/studio/campaigns/36"');
    expect(page).toContain('<html lang="fr">');
    const stale = await get('/studio/issues/36/send-now');
    expect(stale.status).toBe(409);
    expect(await stale.text()).not.toContain('Oui, envoyer maintenant');
    // Réglages names the true next send: #42 on its Sunday, never #36 that went out.
    const settings = await (await get('/studio/settings')).text();
    expect(settings).toContain('Prochain envoi : #42 — Numéro 42');
    expect(settings).not.toContain('Prochain envoi : #36');
    await w.drained();
    expect(w.readerMails()).toHaveLength(2);

    // The next week, #42 is the coming Sunday's issue and goes out, on its own.
    await later('2026-12-01T10:00:00Z');
    const next = await post('/studio/issues/42/send-now');
    expect(next.headers.get('location')).toBe('/studio/campaigns/42');
    await w.drained();
    expect(w.readerMails().filter((m) => m.campaign === 'cmp_42')).toHaveLength(2);
    expect((await w.holds.actions('iss_36')).map((a) => a.action)).toEqual(['send_now']);
    expect((await w.holds.actions('iss_42')).map((a) => a.action)).toEqual(['send_now']);
  });

  it('is not offered, nor done, for an issue that is not the coming Sunday’s, held, or cancelled', async () => {
    const { w, post, get } = await start();
    await w.publish(36);
    await w.publish(37);
    expect(await (await get('/studio/issues/36')).text()).toContain('/studio/issues/36/send-now');
    expect(await (await get('/studio/issues/37')).text()).not.toContain('/studio/issues/37/send-now');
    const later = await post('/studio/issues/37/send-now');
    expect(later.status).toBe(409);
    expect(await later.text()).toContain('Seul le numéro de dimanche prochain peut partir maintenant');

    expect((await post('/studio/issues/36/hold')).status).toBe(303);
    expect(await (await get('/studio/issues/36')).text()).not.toContain('/studio/issues/36/send-now');
    const held = await get('/studio/issues/36/send-now');
    expect(held.status).toBe(409);
    expect(await held.text()).toContain('Ce numéro est en attente : reprenez-le d’abord.');
    expect((await post('/studio/issues/36/send-now')).status).toBe(409);
    expect((await post('/studio/issues/36/hold')).status).toBe(409);
    expect((await post('/studio/issues/36/release')).status).toBe(303);
    expect((await post('/studio/issues/36/release')).status).toBe(409);
    expect((await post('/studio/issues/36/cancel')).status).toBe(303);
    expect((await post('/studio/issues/36/send-now')).status).toBe(409);
    // The schedule skips it too, and `npm run sunday -- --now` names it and refuses.
    w.clock.set('2026-11-29T08:00:00Z');
    expect((await w.delivery.dispatch()).kind).toBe('held');
    expect((await w.sundayNow()).result).toMatchObject({ kind: 'held', issueId: 'iss_36' });
    expect(w.readerMails()).toEqual([]);
    expect((await w.holds.actions('iss_36')).map((a) => a.action)).toEqual(['hold', 'release', 'cancel']);
    expect(await w.holds.actions('iss_37')).toEqual([]);
  });
});

describe('moving an issue to another Sunday', () => {
  it('offers the free Sundays, moves it there, and frees its old one', async () => {
    const { w, post, get } = await start();
    await w.publish(36);
    await w.publish(37);
    const confirm = await (await get('/studio/issues/37/move')).text();
    expect(confirm).toContain('<option value="2026-12-13">');
    expect(confirm).not.toContain('<option value="2026-11-29">');
    expect(confirm).not.toContain('<option value="2026-12-06">');
    const taken = await post('/studio/issues/37/move', { to: '2026-11-29' });
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain('Ce dimanche est déjà pris par un autre numéro');
    expect((await post('/studio/issues/37/move', { to: '2026-12-13' })).status).toBe(303);
    expect((await w.publish(38)).body).toMatchObject({ sunday: '2026-12-06' });
    const moves = await w.holds.actions('iss_37');
    expect(moves).toMatchObject([{ action: 'move', from: '2026-12-06', to: '2026-12-13' }]);
    const plan = await (await get('/studio')).text();
    expect(plan).toContain('Prochain envoi : #36 — Numéro 36');
    expect(plan).toMatch(/dimanche 13 décembre 2026<\/td><td><a href="\/studio\/issues\/37">/);
  });
});

describe('a back issue imported as archive', () => {
  it('says Archivé in Numéros and takes no action, saying why', async () => {
    const { w, get, post } = await start();
    const imported = await w.app.request('/admin/archive/imports', {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...examplePostBody(), series: 20, title: 'Numéro 20', sunday: '2026-11-15' }),
    });
    expect(imported.status).toBe(201);
    const list = await (await get('/studio/issues')).text();
    expect(list).toMatch(
      /#20 — Numéro 20<\/a><\/td><td>[^<]*<\/td><td><span class="badge archived">Archivé<\/span>/,
    );
    const refused = await get('/studio/issues/20/hold');
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('Ce numéro est archivé');
    expect((await post('/studio/issues/20/send-now')).status).toBe(409);
    expect(await w.holds.actions('iss_20')).toEqual([]);
  });
});
