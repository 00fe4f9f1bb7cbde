import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fromRenderItem } from '../../shared/adapters/dynamodb/render-item.ts';
import { emailIn, personalise } from '../../shared/domain/rendered-email.ts';

const U = '%%DIMANCHE_UNSUBSCRIBE_URL%%';
const P = '%%DIMANCHE_PREFERENCES_URL%%';
const H = '%%DIMANCHE_V_T1_HREF%%';
const reader = { unsubscribeUrl: 'https://n.example/u/R', preferencesUrl: 'https://n.example/p/R' };

/** An item as the store wrote renders until 2026-12: bodies with text tokens, the fills keyed by token. */
const oldItem = {
  pk: 'ISSUE#34',
  sk: 'RENDER#1',
  kind: 'render',
  revision: 1,
  subject: `#34 — Titre ${U}`,
  html: gzipSync(
    `<title>${U}</title><h1>${U}${P}</h1><a href="${H}">x</a> ${'%%DIMANCHE_V_T9_HREF%%'}<footer><a href="${P}">p</a><a href="${U}">u</a></footer>`,
  ),
  text: gzipSync(`${U}\n   ${H}\nSe désabonner : ${U}\nPréférences : ${P}\nParis`),
  webHtml: gzipSync('<p>web</p>'),
  variants: gzipSync(
    JSON.stringify({ universal: { [H]: 'https://n.example/r/1' }, deezer: { [H]: 'https://n.example/r/2' } }),
  ),
  renderedAt: '2026-11-24T10:00:00.000Z',
};

describe('a render stored before slots were positions', () => {
  it('still makes each reader’s mail, their links in the footer only, the tokens the author typed left as text', () => {
    const rendered = fromRenderItem(oldItem);
    for (const language of ['fr', 'en'] as const) {
      const mail = personalise(emailIn(rendered, language), reader, 'deezer');
      expect(mail.html).toBe(
        `<title>${U}</title><h1>${U}${P}</h1><a href="https://n.example/r/2">x</a> %%DIMANCHE_V_T9_HREF%%<footer><a href="${reader.preferencesUrl}">p</a><a href="${reader.unsubscribeUrl}">u</a></footer>`,
      );
      expect(mail.text).toBe(
        `${U}\n   https://n.example/r/2\nSe désabonner : ${reader.unsubscribeUrl}\nPréférences : ${reader.preferencesUrl}\nParis`,
      );
      expect(mail.subject).toBe(oldItem.subject);
    }
    expect(rendered.webHtml).toBe('<p>web</p>');
  });
});
