/** The email as rendered once per revision, before any recipient's details are put in. */
export type RenderedEmail = { subject: string; html: string; text: string };

/** Rendered once per revision: the email, and the same issue as a public web page (no unsubscribe footer). */
export type RenderedIssue = RenderedEmail & { webHtml: string };

/**
 * Placeholders the templates leave for personalisation. They are plain text, so they survive MJML,
 * and filling them is a string replace per recipient instead of a render.
 */
export const PLACEHOLDERS = {
  unsubscribeUrl: '%%DIMANCHE_UNSUBSCRIBE_URL%%',
  preferencesUrl: '%%DIMANCHE_PREFERENCES_URL%%',
} as const;

export type Personalisation = { unsubscribeUrl: string; preferencesUrl: string };

type Slot = keyof Personalisation;
type Template<T> = { parts: T[]; slots: Slot[] };

const SLOT_BY_TOKEN = new Map<string, Slot>(
  Object.entries(PLACEHOLDERS).map(([slot, token]) => [token, slot as Slot]),
);
const TOKEN_PATTERN = new RegExp(Object.values(PLACEHOLDERS).join('|'), 'g');

/** Splits a body at its placeholders once, so a recipient costs a join, not a scan of the whole body. */
const compile = (body: string): Template<string> => {
  const parts: string[] = [];
  const slots: Slot[] = [];
  let last = 0;
  for (const match of body.matchAll(TOKEN_PATTERN)) {
    parts.push(body.slice(last, match.index));
    slots.push(SLOT_BY_TOKEN.get(match[0]) as Slot);
    last = match.index + match[0].length;
  }
  parts.push(body.slice(last));
  return { parts, slots };
};

const escapeAttribute = (url: string): string => url.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
const asIs = (url: string) => url;

const fillText = (
  { parts, slots }: Template<string>,
  values: Personalisation,
  encode: (url: string) => string,
) =>
  parts.reduce((out, part, i) => out + part + (i < slots.length ? encode(values[slots[i] as Slot]) : ''), '');

/** One recipient's copy, as strings: for the preview and a test-send. */
export const personalise = (email: RenderedEmail, values: Personalisation): RenderedEmail => ({
  subject: email.subject,
  html: fillText(compile(email.html), values, escapeAttribute),
  text: fillText(compile(email.text), values, asIs),
});

export type PersonalisedBodies = { subject: string; html: Uint8Array; text: Uint8Array };

const utf8 = new TextEncoder();

const fillBytes = (
  { parts, slots }: Template<Uint8Array>,
  values: Personalisation,
  encode: (url: string) => string,
) => {
  const links = slots.map((slot) => utf8.encode(encode(values[slot])));
  const out = new Uint8Array(
    parts.reduce((n, p) => n + p.length, 0) + links.reduce((n, l) => n + l.length, 0),
  );
  let offset = 0;
  parts.forEach((part, i) => {
    out.set(part, offset);
    offset += part.length;
    const link = links[i];
    if (link) {
      out.set(link, offset);
      offset += link.length;
    }
  });
  return out;
};

/**
 * For a campaign: prepares the issue's email once, as UTF-8 bytes split at the placeholders; the function it
 * returns makes one recipient's bodies by copying bytes, ready for the MIME message (no re-encoding per recipient).
 */
export const personaliser = (email: RenderedEmail) => {
  const bytes = ({ parts, slots }: Template<string>): Template<Uint8Array> => ({
    parts: parts.map((p) => utf8.encode(p)),
    slots,
  });
  const html = bytes(compile(email.html));
  const text = bytes(compile(email.text));
  return (values: Personalisation): PersonalisedBodies => ({
    subject: email.subject,
    html: fillBytes(html, values, escapeAttribute),
    text: fillBytes(text, values, asIs),
  });
};
