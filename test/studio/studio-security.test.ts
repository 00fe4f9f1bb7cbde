import { describe, expect, it } from 'vitest';
import { dynamoIssueHolds } from '../../shared/adapters/dynamodb/issue-hold-store.ts';
import { anIssue } from '../builders/issue.ts';
import { mailsTo } from '../support/mail-store.ts';
import { studioApp } from './studio-support.ts';

const sample = (path: string) =>
  path
    .replace(':number', '34')
    .replace(':id', 'sub_abc')
    .replace(':token', 'nothing')
    .replace(':action', 'hold');

describe('the studio without a session', () => {
  it('sends every page and every form of the route table to the sign-in page', async () => {
    const t = await studioApp();
    const routes = t.app.routes.filter(
      (r) =>
        r.path.startsWith('/studio') &&
        r.method !== 'ALL' &&
        !r.path.startsWith('/studio/sign-in') &&
        !r.path.startsWith('/studio/assets') &&
        // Bluesky's client metadata document is public by nature: her server fetches it (its own test).
        !r.path.endsWith('/client-metadata.json'),
    );
    expect(routes.length).toBeGreaterThan(15);
    for (const route of routes) {
      const answer = await t.app.request(sample(route.path), { method: route.method });
      expect([route.method, route.path, answer.status]).toEqual([route.method, route.path, 303]);
      expect(answer.headers.get('location')).toBe('/studio/sign-in');
    }
  });

  it('answers with a strict CSP, no framing, no referrer', async () => {
    const t = await studioApp();
    const answer = await t.app.request('/studio/sign-in');
    const csp = answer.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await answer.text()).not.toMatch(/<script(?![^>]*\bsrc=)/);
  });
});

describe('signing in', () => {
  it('mails a link to the author, whose POST opens a session in a __Host- cookie', async () => {
    const t = await studioApp();
    const { answer, cookie } = await t.signIn();
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/studio');
    const attributes = answer.headers.get('set-cookie') ?? '';
    expect(attributes).toMatch(/^__Host-dimanche-studio=[A-Za-z0-9_-]{40,};/);
    expect(attributes).toMatch(/; HttpOnly/);
    expect(attributes).toMatch(/; Secure/);
    expect(attributes).toMatch(/; SameSite=Strict/);
    expect(attributes).toMatch(/; Path=\//);
    expect(attributes).not.toMatch(/Domain=/i);
    const home = await t.app.request('/studio', { headers: { cookie } });
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<html lang="fr">');
  });

  it('answers another address with the same page and mails nothing', async () => {
    const t = await studioApp();
    const stranger = `inconnu.${t.author}`;
    const theirs = await t.app.request('/studio/sign-in', t.form({ email: stranger }));
    const hers = await t.app.request('/studio/sign-in', t.form({ email: t.author }));
    const strip = (html: string) => html.replace(/value="[^"]*"/g, '');
    expect(theirs.status).toBe(200);
    expect(strip(await theirs.text())).toBe(strip(await hers.text()));
    expect(await mailsTo(stranger)).toHaveLength(0);
    expect(await mailsTo(t.author)).toHaveLength(1);
  });

  it('refuses a used link, and an expired one', async () => {
    const t = await studioApp();
    const { token } = await t.signIn();
    const again = await t.app.request(`/studio/sign-in/${token}`, { method: 'POST' });
    expect(again.status).toBe(403);
    expect(again.headers.get('set-cookie')).toBeNull();

    t.clock.set(new Date(t.clock.now().getTime() + 120_000).toISOString()); // past the per-address cooldown
    await t.app.request('/studio/sign-in', t.form({ email: t.author }));
    const late = await t.lastLinkTo(t.author);
    expect(late).not.toBe(token);
    t.clock.set(new Date(t.clock.now().getTime() + 15 * 60_000 + 1000).toISOString());
    const expired = await t.app.request(`/studio/sign-in/${late}`, { method: 'POST' });
    expect(expired.status).toBe(403);
  });

  it('limits the form per address: a second request within a minute mails nothing', async () => {
    const t = await studioApp();
    await t.app.request('/studio/sign-in', t.form({ email: t.author }));
    const second = await t.app.request('/studio/sign-in', t.form({ email: t.author }));
    expect(second.status).toBe(429);
    expect(await mailsTo(t.author)).toHaveLength(1);
  });

  it('ends the session on sign-out: the same cookie is sent to sign-in again', async () => {
    const t = await studioApp();
    const { cookie, csrf } = await t.signIn();
    const out = await t.app.request('/studio/sign-out', t.form({ _csrf: csrf }, cookie));
    expect(out.status).toBe(200);
    const after = await t.app.request('/studio', { headers: { cookie } });
    expect(after.status).toBe(303);
  });

  it('ends the session after its hours', async () => {
    const t = await studioApp();
    const { cookie } = await t.signIn();
    t.clock.set(new Date(t.clock.now().getTime() + 13 * 3_600_000).toISOString());
    expect((await t.app.request('/studio', { headers: { cookie } })).status).toBe(303);
  });
});

describe('a state-changing form', () => {
  it.each([
    ['without a CSRF token', undefined],
    ['with a wrong CSRF token', 'not-the-token'],
  ])('is refused %s with a 403 page that says to reload, and the issue is not held', async (_case, token) => {
    const t = await studioApp();
    await t.issues.saveRevision(anIssue(), undefined);
    const { cookie } = await t.signIn();
    const answer = await t.app.request(
      '/studio/issues/34/hold',
      t.form(token === undefined ? {} : { _csrf: token }, cookie),
    );
    expect(answer.status).toBe(403);
    expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await answer.text()).toContain('Rechargez la page');
    expect(await dynamoIssueHolds(t.doc, t.tableName).get('iss_34')).toBeUndefined();
  });

  it('holds the issue with the right token, recorded as the author', async () => {
    const t = await studioApp();
    await t.issues.saveRevision(anIssue(), undefined);
    const { cookie, csrf } = await t.signIn();
    const answer = await t.app.request('/studio/issues/34/hold', t.form({ _csrf: csrf }, cookie));
    expect(answer.status).toBe(303);
    expect(await dynamoIssueHolds(t.doc, t.tableName).get('iss_34')).toMatchObject({
      kind: 'held',
      by: t.author,
    });
  });
});
