import {
  isPersonalSlot,
  type Personalisation,
  type PersonalSlot,
  type SlottedBody,
  type VariantFills,
} from './email-slots.ts';
import type { Language } from './issue.ts';
import type { LinkVariant } from './platforms.ts';

export type { Personalisation, VariantFills } from './email-slots.ts';

/**
 * The email in one reader language (its chrome: labels, footer, dates, `lang`), rendered once per revision
 * before any reader's details are put in. `variants` is there when the tracks have click links: the bodies then
 * have variant slots, filled per link variant.
 */
export type RenderedEmail = {
  language: Language;
  subject: string;
  html: SlottedBody;
  text: SlottedBody;
  variants?: VariantFills;
};

/**
 * Rendered once per revision (again when the track links change): the email once per reader language, and the
 * issue as a public web page in its own language (no footer, no slot). `language` is the issue's: the mail a
 * reader gets when the render has none in theirs. `linksVersion` names the track links it was rendered with.
 */
export type RenderedIssue = {
  language: Language;
  emails: Partial<Record<Language, RenderedEmail>>;
  webHtml: string;
  linksVersion?: string;
};

export class RenderedEmailError extends Error {
  override name = 'RenderedEmailError';
}

/** The reader's language if the render has it, else the issue's. */
export const emailIn = (rendered: RenderedIssue, language: Language): RenderedEmail => {
  const email = rendered.emails[language] ?? rendered.emails[rendered.language];
  if (!email) throw new RenderedEmailError(`the render has no email in ${language} nor ${rendered.language}`);
  return email;
};

/** What a reader's mail is made of, as strings: the preview and a test-send. */
export type MailBodies = { subject: string; html: string; text: string };

/** The variants an email has: `universal` and each platform some track links to. */
export const variantsOf = (email: RenderedEmail): LinkVariant[] =>
  Object.keys(email.variants ?? {}) as LinkVariant[];

type Template<T> = { parts: T[]; slots: PersonalSlot[] };

/**
 * One variant's body, split at its personal slots: the variant slots are filled in place (the same for every
 * reader of the variant), so a reader costs a join of the parts with their own links.
 */
const templateOf = (
  { body, slots }: SlottedBody,
  fills: Partial<Record<string, string>> | undefined,
): Template<string> => {
  const parts: string[] = [];
  const personal: PersonalSlot[] = [];
  let current = '';
  let last = 0;
  for (const { at, name } of slots) {
    current += body.slice(last, at);
    last = at;
    if (isPersonalSlot(name)) {
      parts.push(current);
      personal.push(name);
      current = '';
    } else {
      const fill = fills?.[name];
      if (fill === undefined) throw new RenderedEmailError(`no fill for variant slot ${name}`);
      current += fill;
    }
  }
  parts.push(current + body.slice(last));
  return { parts, slots: personal };
};

/** A platform no track links to falls back to the universal links. */
const fillsOf = (email: RenderedEmail, variant: LinkVariant) => {
  if (!email.variants) return undefined;
  const fills = email.variants[variant] ?? email.variants.universal;
  if (!fills) throw new RenderedEmailError('a rendered email with variants has no universal variant');
  return fills;
};

const escapeAttribute = (url: string): string => url.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

const join = ({ parts, slots }: Template<string>, values: Personalisation) =>
  parts.reduce((out, part, i) => out + part + (i < slots.length ? values[slots[i] as PersonalSlot] : ''), '');

/** One reader's copy, as strings: for the preview and a test-send. */
export const personalise = (
  email: RenderedEmail,
  values: Personalisation,
  variant: LinkVariant = 'universal',
): MailBodies => {
  const fills = fillsOf(email, variant);
  return {
    subject: email.subject,
    html: join(templateOf(email.html, fills), {
      unsubscribeUrl: escapeAttribute(values.unsubscribeUrl),
      preferencesUrl: escapeAttribute(values.preferencesUrl),
    }),
    text: join(templateOf(email.text, fills), values),
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

const bytesOf = ({ parts, slots }: Template<string>): ByteTemplate => {
  const encoded = parts.map((part) => utf8.encode(part));
  return { parts: encoded, slots, partBytes: encoded.reduce((n, part) => n + part.length, 0) };
};

/** Copies a template's parts into `out` from `offset`, each slot's link written between them as UTF-8. */
const fillInto = (out: Buffer, offset: number, { parts, slots }: ByteTemplate, links: Personalisation) => {
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

const linkBytes = ({ slots }: ByteTemplate, links: Personalisation) =>
  slots.reduce((n, slot) => n + Buffer.byteLength(links[slot], 'utf8'), 0);

/**
 * For a campaign: prepares one language's email in one variant once, as UTF-8 bytes split at the personal
 * slots; the function it returns makes one reader's bodies by copying bytes, ready for the MIME message (no
 * re-encoding per reader), into `into` when given (valid until its next take), else into a buffer of their own.
 */
export const personaliser = (email: RenderedEmail, variant: LinkVariant = 'universal') => {
  const fills = fillsOf(email, variant);
  const html = bytesOf(templateOf(email.html, fills));
  const text = bytesOf(templateOf(email.text, fills));
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
