import type { SlotName, SlottedBody, VariantFills, VariantSlot } from '../../domain/email-slots.ts';
import type { Language } from '../../domain/issue.ts';
import type { RenderedEmail } from '../../domain/rendered-email.ts';

/** The text tokens renders held before slots were positions (until 2026-12). */
const PERSONAL = {
  '%%DIMANCHE_UNSUBSCRIBE_URL%%': 'unsubscribeUrl',
  '%%DIMANCHE_PREFERENCES_URL%%': 'preferencesUrl',
} as const;
const VARIANT = /%%DIMANCHE_V_T(\d+)_(HREF|LISTEN|TEXT)%%/g;

const variantName = (position: string, part: string) => `t${position}.${part.toLowerCase()}` as VariantSlot;

/**
 * An old render's body as slots. Only the last token of each personal link counts, as the footer is the last
 * thing either body prints before the postal address: a token the author's text spelled earlier stays text.
 * A variant token counts where the render has a fill for it (those are the same for every reader anyway).
 */
const slottedFrom = (body: string, fills: Record<string, string> | undefined): SlottedBody => {
  const cuts: { at: number; length: number; name: SlotName }[] = [];
  for (const [token, name] of Object.entries(PERSONAL)) {
    const at = body.lastIndexOf(token);
    if (at >= 0) cuts.push({ at, length: token.length, name });
  }
  for (const match of body.matchAll(VARIANT)) {
    const name = variantName(match[1] as string, match[2] as string);
    if (fills?.[match[0]] !== undefined) cuts.push({ at: match.index, length: match[0].length, name });
  }
  cuts.sort((a, b) => a.at - b.at);
  let out = '';
  let last = 0;
  const slots: SlottedBody['slots'] = [];
  for (const cut of cuts) {
    if (cut.at < last) continue;
    out += body.slice(last, cut.at);
    slots.push({ at: out.length, name: cut.name });
    last = cut.at + cut.length;
  }
  return { body: out + body.slice(last), slots };
};

/** Reads a render item stored before emails had a language and slot positions, so a deploy spares its Sunday. */
export const legacyEmail = (
  language: Language,
  stored: { subject: string; html: string; text: string; variants?: Record<string, Record<string, string>> },
): RenderedEmail => {
  const variants = stored.variants
    ? (Object.fromEntries(
        Object.entries(stored.variants).map(([variant, fills]) => [
          variant,
          Object.fromEntries(
            Object.entries(fills).map(([token, fill]) => {
              const [, position = '', part = ''] = /_T(\d+)_(\w+)%%$/.exec(token) ?? [];
              return [variantName(position, part), fill];
            }),
          ),
        ]),
      ) as VariantFills)
    : undefined;
  const fills = stored.variants?.universal as Record<string, string> | undefined;
  return {
    language,
    subject: stored.subject,
    html: slottedFrom(stored.html, fills),
    text: slottedFrom(stored.text, fills),
    ...(variants ? { variants } : {}),
  };
};
