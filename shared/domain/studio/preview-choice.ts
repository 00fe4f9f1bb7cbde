import type { Language } from '../issue.ts';
import { LINK_VARIANTS, type LinkVariant } from '../platforms.ts';
import { READER_LANGUAGES } from '../reader-languages.ts';

/** A reader's language to preview in (the mail's chrome follows it); the issue's own when absent or unknown. */
export const readerLanguageOf = (raw: string | undefined): Language | undefined =>
  READER_LANGUAGES.find((language) => language === raw);

/** The platform whose track links the preview shows; song.link's universal page when absent or unknown. */
export const variantOf = (raw: string | undefined): LinkVariant =>
  raw && (LINK_VARIANTS as readonly string[]).includes(raw) ? (raw as LinkVariant) : 'universal';
