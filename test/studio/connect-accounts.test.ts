import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSocialFakes, type SocialFakes } from '../../infra/local/social/start-social-fakes.ts';
import { accountsStudio, refreshTarget } from './accounts-support.ts';

let fakes: SocialFakes;
beforeAll(async () => {
  fakes = await startSocialFakes();
}, 60_000);
afterAll(() => fakes?.close());

describe('Connecter from Réglages, against the fakes', () => {
  it('connects X: consent page, callback, then Réglages shows the handle', async () => {
    const t = await accountsStudio(fakes.urls);
    const { answer } = await t.connect('x');
    expect(answer.status).toBe(200);
    const html = await answer.text();
    expect(refreshTarget(html)).toBe('/studio/settings?connected=x#social');
    const page = await t.settings(refreshTarget(html));
    expect(page).toContain('X connecté en tant que @dimanche_fm.');
    const stored = await t.store.get('x');
    expect(stored).toMatchObject({ label: '@dimanche_fm', state: 'connected', canRefresh: true });
    expect(stored?.profile).toEqual({ baseUrl: fakes.urls.x, username: 'dimanche_fm' });
  });
});
