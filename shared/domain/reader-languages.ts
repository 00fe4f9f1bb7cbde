import type { Language } from './issue.ts';

/**
 * Every language a reader can choose. Each issue's email is rendered once in each: a reader can sign up or
 * switch language until the campaign starts, and the senders never render (no MJML in them), so every
 * language must be ready before. Bounded by this list, never by the number of readers.
 */
export const READER_LANGUAGES: readonly Language[] = ['fr', 'en'];
