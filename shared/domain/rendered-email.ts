import type { LinkVariant } from './platforms.ts';

/**
 * Per link variant, what each variant placeholder of the bodies becomes (HTML already escaped for where it
 * sits). Made by the renderer from one MJML render: a variant costs a string fill, never a render.
 */
export type VariantFills = Partial<Record<LinkVariant, Record<string, string>>>;

/**
 * The email as rendered once per revision, before any recipient's details are put in. `variants` is there
 * when the tracks have click links: the bodies then hold variant placeholders, filled by `emailVariant`.
 */
export type RenderedEmail = { subject: string; html: string; text: string; variants?: VariantFills };

/**
 * Rendered once per revision (again when the track links change): the email, and the same issue as a public
 * web page (no unsubscribe footer). `linksVersion` names the track links it was rendered with.
 */
export type RenderedIssue = RenderedEmail & { webHtml: string; linksVersion?: string };

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

export type VariantSlot = 'HREF' | 'LISTEN' | 'TEXT';

/** Where a track's links go: HREF the card's main link, LISTEN its links line (HTML), TEXT its lines in text. */
export const variantToken = (position: number, slot: VariantSlot): string =>
  `%%DIMANCHE_V_T${position}_${slot}%%`;

const VARIANT_TOKEN = /%%DIMANCHE_V_T\d+_(?:HREF|LISTEN|TEXT)%%/g;

/** The variants an email has: `universal` and each platform some track links to. */
export const variantsOf = (email: RenderedEmail): LinkVariant[] =>
  Object.keys(email.variants ?? {}) as LinkVariant[];

/**
 * The email as a reader of `variant` gets it, before their own links: a platform no track links to falls
 * back to the universal links. An email rendered without variants is returned as it is.
 */
export const emailVariant = (email: RenderedEmail, variant: LinkVariant): RenderedEmail => {
  const { variants, ...bodies } = email;
  if (!variants) return bodies;
  const fills = variants[variant] ?? variants.universal;
  if (!fills) throw new Error('a rendered email with variants has no universal variant');
  const fill = (body: string) =>
    body.replace(VARIANT_TOKEN, (token) => {
      const value = fills[token];
      if (value === undefined) throw new Error(`variant ${variant} has no fill for ${token}`);
      return value;
    });
  return { subject: bodies.subject, html: fill(bodies.html), text: fill(bodies.text) };
};

/** One recipient's copy, as strings: for the preview and a test-send. */
export const personalise = (
  email: RenderedEmail,
  values: Personalisation,
  variant: LinkVariant = 'universal',
): RenderedEmail => {
  const chosen = emailVariant(email, variant);
  return {
    subject: chosen.subject,
    html: fillText(compile(chosen.html), values, escapeAttribute),
    text: fillText(compile(chosen.text), values, asIs),
  };
};

export type PersonalisedBodies = { subject: string; html: Uint8Array; text: Uint8Array };

/**
 * Where a sender writes its readers' bodies, one reader after the other: one buffer, grown when a reader needs
 * more, written over by the next reader. A fresh 60 KB buffer per reader cost four times the copy itself
 * (new memory is slow to write, and the garbage collector then frees it); one that stays warm costs the copy.
 * The bodies a `take` gives are valid until the next `take`: the owner sends one mail, and only then makes
 * the next (a batch's readers are sent one at a time, their retries included).
 */
export type BodyBuffer = { take: (bytes: number) => Buffer };

export const reusedBodyBuffer = (): BodyBuffer => {
  let buffer = Buffer.allocUnsafe(0);
  return {
    take: (bytes) => {
      if (buffer.length < bytes) buffer = Buffer.allocUnsafe(bytes);
      return buffer.subarray(0, bytes);
    },
  };
};

const utf8 = new TextEncoder();

type ByteTemplate = Template<Uint8Array> & { partBytes: number };

/** Copies a template's parts into `out` from `offset`, each slot's link written between them as UTF-8. */
const fillInto = (
  out: Buffer,
  offset: number,
  { parts, slots }: ByteTemplate,
  links: Record<Slot, string>,
) => {
  let at = offset;
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i] as Uint8Array;
    out.set(part, at);
    at += part.length;
    const slot = slots[i];
    if (slot) at += out.write(links[slot], at, 'utf8');
  }
  return at;
};

const linkBytes = ({ slots }: ByteTemplate, links: Record<Slot, string>) =>
  slots.reduce((n, slot) => n + Buffer.byteLength(links[slot], 'utf8'), 0);

/**
 * For a campaign: prepares the issue's email once, as UTF-8 bytes split at the placeholders; the function it
 * returns makes one recipient's bodies by copying bytes, ready for the MIME message (no re-encoding per
 * recipient), into `into` when given (valid until its next take), else into a buffer of their own.
 */
export const personaliser = (rendered: RenderedEmail, variant: LinkVariant = 'universal') => {
  const email = emailVariant(rendered, variant);
  const bytes = ({ parts, slots }: Template<string>): ByteTemplate => {
    const encoded = parts.map((p) => utf8.encode(p));
    return { parts: encoded, slots, partBytes: encoded.reduce((n, p) => n + p.length, 0) };
  };
  const html = bytes(compile(email.html));
  const text = bytes(compile(email.text));
  return (values: Personalisation, into?: BodyBuffer): PersonalisedBodies => {
    const escaped = {
      unsubscribeUrl: escapeAttribute(values.unsubscribeUrl),
      preferencesUrl: escapeAttribute(values.preferencesUrl),
    };
    const htmlBytes = html.partBytes + linkBytes(html, escaped);
    // Both bodies in one buffer, not zero-filled first (every byte is written).
    const bytes = htmlBytes + text.partBytes + linkBytes(text, values);
    const out = into ? into.take(bytes) : Buffer.allocUnsafe(bytes);
    fillInto(out, fillInto(out, 0, html, escaped), text, values);
    return { subject: email.subject, html: out.subarray(0, htmlBytes), text: out.subarray(htmlBytes) };
  };
};
