import type { Language } from '../../domain/issue.ts';
import type { ReaderChange } from '../subscribers/edit-reader.ts';

export type ReaderFormProblem = 'invalidName' | 'invalidLanguage';
export type CheckedReaderChange =
  { ok: true; change: ReaderChange } | { ok: false; problems: ReaderFormProblem[] };

/** A reader record form, checked before the edit: a name fit to print in a mail, a language the house writes. */
export const readerChangeOf = (form: Record<string, unknown>): CheckedReaderChange => {
  const name = typeof form.name === 'string' ? form.name.normalize('NFC').trim() : '';
  const problems: ReaderFormProblem[] = [
    ...(name.length > 100 || /\p{Cc}/u.test(name) ? (['invalidName'] as const) : []),
    ...(form.language === 'fr' || form.language === 'en' ? [] : (['invalidLanguage'] as const)),
  ];
  if (problems.length) return { ok: false, problems };
  return { ok: true, change: { name: name || undefined, language: form.language as Language } };
};
