import { describe, expect, it } from 'vitest';
import { studioApp } from './studio-support.ts';

const TOKEN = 'wp-token-0123456789abcdefghijklmnopqrstuv';

const settingsOf = async (env: Record<string, string>) => {
  const t = await studioApp({}, env);
  const { cookie } = await t.signIn();
  return { t, html: await (await t.app.request('/studio/settings', { headers: { cookie } })).text() };
};

describe('Réglages', () => {
  it('shows the WordPress.com webhook address the route answers at, with a copy button', async () => {
    const { t, html } = await settingsOf({ WORDPRESS_TOKEN: TOKEN });
    const shown = /id="webhook-url" type="text" readonly="" value="([^"]+)"/.exec(html)?.[1];
    expect(shown).toBe(`${t.base}/webhooks/wordpress/${TOKEN}`);
    expect(html).toContain('data-copy="webhook-url"');
    expect(html).not.toContain('Pas encore configurée');
    // The address works: the route takes it (an empty notification is refused for its fields, not as unknown).
    const path = new URL(shown ?? '').pathname;
    const answer = await t.app.request(path, { method: 'POST', body: new URLSearchParams() });
    expect(answer.status).toBe(422);
    const wrong = await t.app.request(`${path}x`, { method: 'POST', body: new URLSearchParams() });
    expect(wrong.status).toBe(404);
  });

  it('says what to ask for when no webhook secret is set', async () => {
    const { html } = await settingsOf({});
    expect(html).toContain('Pas encore configurée');
    expect(html).not.toContain('id="webhook-url"');
  });

  it('says the schedule in words and names the networks as they write themselves', async () => {
    const { html } = await settingsOf({});
    expect(html).toContain('Envoi chaque dimanche à 9 h, heure de Paris.');
    expect(html).not.toContain('0 9 * * 0');
    for (const [id, name] of Object.entries({
      mastodon: 'Mastodon',
      bluesky: 'Bluesky',
      x: 'X',
      linkedin: 'LinkedIn',
      facebook: 'Facebook',
      threads: 'Threads',
    }))
      expect(html).toContain(`<h3 id="network-${id}">${name}</h3>`);
  });
});
