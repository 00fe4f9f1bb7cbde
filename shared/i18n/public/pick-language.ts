import type { Language } from '../../domain/issue.ts';

const SUPPORTED: readonly Language[] = ['fr', 'en'];

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (SUPPORTED as readonly string[]).includes(value);

/**
 * The reader's language: what they chose (a form field), else the best of Accept-Language (RFC 9110 §12.5.4,
 * primary subtag, highest q first), else the newsletter's default.
 */
export const pickLanguage = (
  chosen: unknown,
  acceptLanguage: string | undefined,
  fallback: Language,
): Language => {
  if (isLanguage(chosen)) return chosen;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { primary: tag.split('-')[0]?.toLowerCase() ?? '', q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.q > 0 && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((entry) => entry.primary).find(isLanguage) ?? fallback;
};
