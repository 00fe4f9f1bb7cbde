import {
  type ImportDeps,
  ImportInterruptedError,
  type ImportMode,
  importSubscribers,
  type ParsedFile,
} from '../subscribers/import-subscribers.ts';

/** What the Abonnés page's import form asks: with or without a confirmation mail, and where the readers came from. */
export const importModeOf = (form: { mode?: unknown; source?: unknown }): ImportMode => {
  const source =
    typeof form.source === 'string' && form.source.trim()
      ? form.source.trim().slice(0, 200)
      : 'studio import';
  return { kind: form.mode === 'consented' ? 'consented' : 'confirm', source };
};

/**
 * A file read whole, imported: a broken one writes nothing; a store failing midway is an outcome too (what was
 * written before it, so she is told the truth), not an error page.
 */
export const importReaders = async (file: ParsedFile, mode: ImportMode, ports: ImportDeps) => {
  try {
    return await importSubscribers(file, mode, ports);
  } catch (error) {
    if (!(error instanceof ImportInterruptedError)) throw error;
    return { interrupted: error };
  }
};
