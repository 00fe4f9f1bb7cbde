import { describe, expect, it } from 'vitest';
import { escapeLittleText } from '../../../shared/domain/social/compose-little-text.ts';

describe("LinkedIn's little text format", () => {
  it('escapes every reserved character with a backslash, the backslash itself included', () => {
    expect(escapeLittleText('a\\b|c{d}e@f[g]h(i)j<k>l*m_n~o')).toBe(
      'a\\\\b\\|c\\{d\\}e\\@f\\[g\\]h\\(i\\)j\\<k\\>l\\*m\\_n\\~o',
    );
  });

  it('makes hashtags clickable templates, and leaves a number or a word-inner # as text', () => {
    expect(escapeLittleText('#playlist #FêteDeLaMusique\n#34 C#')).toBe(
      '{hashtag|\\#|playlist} {hashtag|\\#|FêteDeLaMusique}\n\\#34 C\\#',
    );
    expect(escapeLittleText('#osms_34')).toBe('{hashtag|\\#|osms\\_34}');
  });

  it('leaves French punctuation, spaces and emoji as they are', () => {
    const text = '«\u00a0Le TGV N° 7345\u00a0» — l’été 😉 👩‍👩‍👧 !';
    expect(escapeLittleText(text)).toBe(text);
  });

  it('escapes an address too: LinkedIn reads the escapes back before it links the address', () => {
    expect(escapeLittleText('https://x.example.org/a_b?utm_source=li')).toBe(
      'https://x.example.org/a\\_b?utm\\_source=li',
    );
  });
});
