import { beforeAll, describe, expect, it } from 'vitest';
import { examplePostBody } from '../builders/issue.ts';
import { signedPost } from '../support/signed-request.ts';
import { studioApp } from './studio-support.ts';

/** The studio's own French words, which an English-speaking author should never meet. */
const FRENCH =
  /(Cette semaine|Numéros|Envois|Abonnés|Réglages|Se déconnecter|vertissement|dimanche|Envoyer|introuvable|echargez|Programmé|libre|Prochain envoi|heure de Paris|Aucun|pour l’instant|caractères|Exporter|Importer|Comptes|Dernière|Programmation|Historique|Mettre en attente|Annuler|Chercher|Afficher|Fiche|Prénom|Langue|Oui,|Non,|Revenir|Voir |Rien |numéro|abonné|lecteur| des | les | une | du )/;

/**
 * The page's own words: without tags, scripts and styles, nor what is a reader's (the text version of her
 * French issue) or code to paste (the sign-up form's snippet, whose field is named "dimanche-email").
 */
const words = (html: string) =>
  html
    .replace(/<(script|style|pre|textarea)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

/** Each French word found, with the words around it, so a failure shows where. */
const frenchIn = (text: string) =>
  [...text.matchAll(new RegExp(FRENCH, 'g'))].map(({ index }) =>
    text.slice(Math.max(0, index - 30), index + 30),
  );

let t: Awaited<ReturnType<typeof studioApp>>;
let session: Awaited<ReturnType<typeof t.signIn>>;

beforeAll(async () => {
  t = await studioApp({}, { AUTHOR_LANGUAGE: 'en' });
  expect((await t.app.request('/webhooks/posts', signedPost(examplePostBody()))).status).toBe(201);
  session = await t.signIn();
}, 60_000);

describe('the studio with AUTHOR_LANGUAGE=en', () => {
  it.each([
    '/studio',
    '/studio/issues',
    '/studio/issues/34',
    '/studio/issues/34/hold',
    '/studio/issues/34/cancel',
    '/studio/issues/34/send-now',
    '/studio/issues/34/move',
    '/studio/campaigns',
    '/studio/subscribers',
    '/studio/settings',
  ])('%s is English throughout, her French issue aside', async (path) => {
    const answer = await t.app.request(path, { headers: { cookie: session.cookie } });
    expect(answer.status).toBe(200);
    const html = await answer.text();
    expect(html).toMatch(/<html lang="en"/);
    // Her own words (title, social texts) are French: only the studio's chrome is checked.
    const chrome = words(html)
      .replaceAll('Chambre en Provence', '')
      .replace(/Neuf mois intenses[^.]*/g, '');
    expect(frenchIn(chrome)).toEqual([]);
  });

  it('answers its errors in English: an unknown page, an expired form, a send refused', async () => {
    const headers = { cookie: session.cookie };
    const missing = await t.app.request('/studio/nowhere', { headers });
    expect(missing.status).toBe(404);
    expect(frenchIn(words(await missing.text()))).toEqual([]);
    const expired = await t.app.request('/studio/issues/34/hold', t.form({ _csrf: 'stale' }, session.cookie));
    expect(expired.status).toBe(403);
    const page = await expired.text();
    expect(page).toMatch(/<html lang="en"/);
    expect(frenchIn(words(page))).toEqual([]);
  });
});
