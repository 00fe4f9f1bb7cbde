import type { Language } from '../../domain/issue.ts';

/** Each reader language in its own words, as the language choices show it. */
export const LANGUAGE_NAMES: Record<Language, string> = { fr: 'Français', en: 'English' };
