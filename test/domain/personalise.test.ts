import { describe, expect, it } from 'vitest';
import { personalise, personaliser, reusedBodyBuffer } from '../../shared/domain/rendered-email.ts';
import { aSlottedEmail } from '../builders/slotted.ts';

const email = aSlottedEmail({
  subject: 'Online Sunday Morning Sound #34 — Chambre en Provence',
  html: '<a href="{{unsubscribeUrl}}">Se désabonner</a> · <a href="{{preferencesUrl}}">Préférences</a> <a href="{{unsubscribeUrl}}">x</a>',
  text: 'Se désabonner : {{unsubscribeUrl}}\nPréférences : {{preferencesUrl}}',
});
const values = { unsubscribeUrl: 'https://n.example/u/a&b"c', preferencesUrl: 'https://n.example/p/tok' };

describe('personalisation', () => {
  it('fills every slot, attribute-escaped in HTML and verbatim in text', () => {
    expect(personalise(email, values)).toEqual({
      subject: email.subject,
      html: '<a href="https://n.example/u/a&amp;b&quot;c">Se désabonner</a> · <a href="https://n.example/p/tok">Préférences</a> <a href="https://n.example/u/a&amp;b&quot;c">x</a>',
      text: 'Se désabonner : https://n.example/u/a&b"c\nPréférences : https://n.example/p/tok',
    });
  });

  it('prepares once and serves each recipient their own links as UTF-8 bytes', () => {
    const forRecipient = personaliser(email);
    const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
    const a = forRecipient({
      unsubscribeUrl: 'https://n.example/u/A',
      preferencesUrl: 'https://n.example/p/A',
    });
    const b = forRecipient(values);
    expect(decode(a.text)).toBe('Se désabonner : https://n.example/u/A\nPréférences : https://n.example/p/A');
    expect(decode(b.html)).toBe(personalise(email, values).html);
    expect(decode(b.text)).toBe(personalise(email, values).text);
    expect(decode(a.html)).not.toContain('/B');
  });

  it("writes reader after reader into one buffer, each reader's bodies whole until the next, longer links included", () => {
    const forRecipient = personaliser(email);
    const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
    const bodies = reusedBodyBuffer();
    const readers = ['A', `${'long'.repeat(200)}-é`, 'B'].map((token) => ({
      unsubscribeUrl: `https://n.example/u/${token}`,
      preferencesUrl: `https://n.example/p/${token}`,
    }));
    const written: Uint8Array[] = [];
    for (const reader of readers) {
      const mail = forRecipient(reader, bodies);
      // As the sender reads them: before the next reader is written.
      expect(decode(mail.html)).toBe(personalise(email, reader).html);
      expect(decode(mail.text)).toBe(personalise(email, reader).text);
      written.push(mail.html);
    }
    const sameMemory = (a?: Uint8Array, b?: Uint8Array) =>
      a?.buffer === b?.buffer && a?.byteOffset === b?.byteOffset;
    // The short first reader's memory was too small for the long one, which the short last one reuses.
    expect(sameMemory(written[0], written[1])).toBe(false);
    expect(sameMemory(written[1], written[2])).toBe(true);
  });

  it('leaves a body without placeholders as it is', () => {
    expect(personalise(aSlottedEmail({ subject: 's', html: '<p>« ok »</p>', text: 'ok' }), values)).toEqual({
      subject: 's',
      html: '<p>« ok »</p>',
      text: 'ok',
    });
  });
});
