import type { LinkVariant } from './platforms.ts';

/** A reader's own links: the only parts of a mail that differ from one reader to the next. */
export type Personalisation = { unsubscribeUrl: string; preferencesUrl: string };

export type PersonalSlot = keyof Personalisation;

/** Where a track's links go: `href` the card's main link, `listen` its links line (HTML), `text` its lines. */
export type VariantPart = 'href' | 'listen' | 'text';
export type VariantSlot = `t${number}.${VariantPart}`;
export type SlotName = PersonalSlot | VariantSlot;

export const variantSlot = (position: number, part: VariantPart): VariantSlot => `t${position}.${part}`;

const PERSONAL: readonly string[] = ['unsubscribeUrl', 'preferencesUrl'] satisfies PersonalSlot[];
export const isPersonalSlot = (name: SlotName): name is PersonalSlot => PERSONAL.includes(name);

/**
 * A rendered body and where its slots are. `at` is an index into `body` (UTF-16 code units), ascending. The
 * body itself holds no token at all: a slot exists only as a position recorded by the renderer, so no text in
 * the body, whatever it spells, can become one.
 */
export type SlottedBody = { body: string; slots: { at: number; name: SlotName }[] };

/** Per link variant, what each variant slot becomes (HTML already escaped for where it sits). */
export type VariantFills = Partial<Record<LinkVariant, Partial<Record<VariantSlot, string>>>>;

export class SlotMarkerError extends Error {
  override name = 'SlotMarkerError';
}

export type SlotMarkers = {
  /** The text to put where `name` goes, before MJML: the same name always gets the same marker. */
  mark: (name: SlotName) => string;
  /** The render with every marker taken out and its position recorded. */
  extract: (rendered: string) => SlottedBody;
};

const NONCE = /^[0-9a-f]{32,}$/;

/**
 * Markers for one render. MJML rewrites the markup around them, so a slot's position can only be known by
 * finding something in MJML's output; what is found is a marker made of a nonce drawn for this render
 * (at least 128 random bits), which the author's text, written before the draw, cannot contain. Once found, the
 * markers are removed and only their positions are kept: the stored render holds nothing that a later search
 * could match, and nothing is ever filled by searching text. Letters and digits only, so neither Mustache's
 * escaping nor MJML changes them.
 */
export const slotMarkers = (nonce: string): SlotMarkers => {
  if (!NONCE.test(nonce)) throw new SlotMarkerError('a slot nonce is at least 128 random bits, in hex');
  const names: SlotName[] = [];
  const indexOf = new Map<SlotName, number>();
  // `z` and `n` are not hex digits: a marker's nonce and number cannot run into each other or the text.
  const pattern = new RegExp(`z${nonce}n(\\d+)z`, 'g');
  return {
    mark: (name) => {
      let index = indexOf.get(name);
      if (index === undefined) {
        index = names.push(name) - 1;
        indexOf.set(name, index);
      }
      return `z${nonce}n${index}z`;
    },
    extract: (rendered) => {
      const slots: SlottedBody['slots'] = [];
      let body = '';
      let last = 0;
      for (const match of rendered.matchAll(pattern)) {
        const name = names[Number(match[1])];
        if (name === undefined) throw new SlotMarkerError(`unknown slot marker ${match[0]}`);
        body += rendered.slice(last, match.index);
        slots.push({ at: body.length, name });
        last = match.index + match[0].length;
      }
      body += rendered.slice(last);
      if (body.includes(nonce)) throw new SlotMarkerError('the render altered a slot marker');
      return { body, slots };
    },
  };
};

/** A body as a person reads its source: each slot shown as `{{name}}` (tests, debugging; never sent). */
export const showSlots = ({ body, slots }: SlottedBody): string => {
  let out = '';
  let last = 0;
  for (const { at, name } of slots) {
    out += `${body.slice(last, at)}{{${name}}}`;
    last = at;
  }
  return out + body.slice(last);
};
