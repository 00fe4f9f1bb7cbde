import { beforeAll, describe, expect, it } from 'vitest';
import { anIssue } from '../builders/issue.ts';
import { links, type ReadableRender, readable, render } from './renderer-fixture.ts';

describe('an issue written in French, as each reader reads it', () => {
  let en: ReadableRender;
  let fr: ReadableRender;
  beforeAll(async () => {
    fr = await render(anIssue({ language: 'fr' }));
    en = readable(fr.rendered, 'en');
  });

  it("gives an English reader the interface in English, the author's words as written", () => {
    expect(en.html).toContain('<html lang="en"');
    for (const words of [
      'The playlist',
      '15 tracks · 56 min',
      'Listen',
      'View in browser',
      'Manage preferences',
      'You are getting this letter because you subscribed to',
    ]) {
      expect(en.html).toContain(words);
    }
    expect(en.html).toContain('Unsubscribe</a>');
    // ICU versions differ on the comma after the weekday.
    expect(en.html).toMatch(/Sunday,? 29 November 2026/);
    expect(en.html).not.toMatch(/Écouter|navigateur|désabonner|dimanche 29|La playlist/);
    // Her story, title and tracks: the same words in both mails.
    for (const words of ['>Chambre en Provence</h1>', 'Le temps de l’amour', 'd’Avignon'])
      expect(en.html).toContain(words);
    expect(en.subject).toBe(fr.subject);
  });

  it('marks her words as French inside the English chrome, so a screen reader pronounces them as French', () => {
    const lang = /<h1 lang="fr"[^>]*>Chambre en Provence<\/h1>/;
    expect(en.html).toMatch(lang);
    expect(en.html).toMatch(/<div lang="fr"><p[^>]*>«\s*Le TGV/);
    expect(en.html).toContain('<span lang="fr">Neuf mois intenses');
    // The chrome around them stays English: the playlist's heading and the footer carry no lang of their own.
    expect(en.html.match(/ lang="fr"/g)).toHaveLength(3);
    // A French reader's mail is French throughout: nothing to mark.
    expect(fr.html).not.toMatch(/<(h1|div|span) lang=/);
  });

  it('gives a French reader the French interface', () => {
    expect(fr.html).toContain('<html lang="fr"');
    expect(fr.html).toContain('Se désabonner</a>');
    expect(fr.html).toContain('dimanche 29 novembre 2026');
    expect(fr.html).not.toMatch(/Unsubscribe|View in browser|The playlist/);
  });

  it('labels the text footer the English way for the English reader', () => {
    expect(en.text).toContain(`View in browser: ${links.archiveUrl}\n`);
    expect(en.text).toContain('Unsubscribe: {{unsubscribeUrl}}\n');
    expect(en.text).toContain('\nThe playlist\n15 tracks · 56 min\n1. ');
    expect(en.text).toMatch(/Sunday,? 29 November 2026/);
    expect(fr.text).toContain('Se désabonner\u00a0: {{unsubscribeUrl}}\n');
  });

  it('keeps the web page in the issue’s own language', () => {
    expect(fr.webHtml).toContain('<html lang="fr"');
    expect(fr.webHtml).toContain('Recevoir la playlist chaque dimanche');
  });
});

describe('an issue written in English', () => {
  let rendered: ReadableRender;
  beforeAll(async () => {
    rendered = await render(anIssue({ language: 'en' }));
  });

  it('invites web readers to subscribe in English', () => {
    expect(rendered.webHtml).toContain('<html lang="en"');
    expect(rendered.webHtml).toContain('Get the playlist every Sunday');
    expect(rendered.webHtml).not.toContain('Recevoir');
  });

  it('still gives a French reader the French interface', () => {
    const fr = readable(rendered.rendered, 'fr');
    expect(fr.html).toContain('<html lang="fr"');
    expect(fr.html).toContain('Se désabonner</a>');
  });
});
