import type { EmailAddress } from '../../domain/email-address.ts';
import type { Language } from '../../domain/issue.ts';
import type { Platform } from '../../domain/platforms.ts';
import type { Subscriber } from '../../domain/subscriber.ts';
import type { Clock } from '../../ports/clock.ts';
import type { SubscriberIds } from '../../ports/keyed-hash.ts';
import type { SubscriberStore } from '../../ports/subscriber-store.ts';
import { findSubscriber } from './find-subscriber.ts';
import { type ConfirmationDeps, sendConfirmation } from './send-confirmation.ts';

export type ImportRow = {
  email: EmailAddress;
  name?: string;
  language: Language;
  platform?: Platform;
  paused: boolean;
};

/** The columns an import reads; each has one rule, so naming the column names what is wrong. */
export type ImportField = 'email' | 'name' | 'language' | 'platform' | 'paused';

/** A refused row: its first line in the file as an editor numbers it, the column, and what it held. */
export type RowProblem = { line: number; field: ImportField; value: string };

/** A row as the edge parsed it: valid, or refused. */
export type ParsedRow = { line: number; ok: true; row: ImportRow } | ({ ok: false } & RowProblem);

/** Why a whole file cannot be read as rows. `line` is the physical line where reading stopped. */
export type FileProblem =
  | { kind: 'empty' }
  | { kind: 'no_email_column' }
  | { kind: 'not_utf8'; line: number }
  | { kind: 'unclosed_quote'; line: number; field?: string }
  | { kind: 'stray_quote'; line: number; field?: string }
  | { kind: 'malformed'; line: number; field?: string };

/** The whole file, read before anything is written: every row, or why none can be trusted. */
export type ParsedFile = { ok: true; rows: readonly ParsedRow[] } | { ok: false; problem: FileProblem };

/** The admin's choice: these people consented elsewhere (and where), or they must confirm first. */
export type ImportMode = { kind: 'consented'; source: string } | { kind: 'confirm'; source: string };

export type ImportReport = {
  rows: number;
  created: number;
  existing: number;
  duplicates: number;
  suppressed: number;
  invalid: RowProblem[];
  confirmationsSent: number;
  confirmationsFailed: number;
};

export type ImportOutcome = { ok: true; report: ImportReport } | { ok: false; problem: FileProblem };

export type ImportDeps = ConfirmationDeps & { store: SubscriberStore; ids: SubscriberIds; clock: Clock };

/** The store failed mid-import: what was written before it did, so the author can be told the truth. */
export class ImportInterruptedError extends Error {
  override name = 'ImportInterruptedError';
  constructor(
    readonly report: ImportReport,
    /** Lines whose reader was created (and, in confirm mode, perhaps mailed) before the failure. */
    readonly createdLines: readonly number[],
    options: { cause: unknown },
  ) {
    super(`import interrupted after ${report.created} created`, options);
  }
}

const IN_FLIGHT = 16;

/**
 * All or nothing on the file, row by row in the store. A file that could not be read whole writes nothing and
 * mails no one: the rows arrive as an array, so no write can start before the last line was parsed. Then
 * each address once (the first row wins), existing records untouched (an import never resubscribes someone who
 * left), suppressed ones skipped, at most IN_FLIGHT writes at a time.
 */
export const importSubscribers = async (
  file: ParsedFile,
  mode: ImportMode,
  deps: ImportDeps,
): Promise<ImportOutcome> => {
  if (!file.ok) return file;
  const report: ImportReport = {
    rows: file.rows.length,
    created: 0,
    existing: 0,
    duplicates: 0,
    suppressed: 0,
    invalid: [],
    confirmationsSent: 0,
    confirmationsFailed: 0,
  };
  const createdLines: number[] = [];
  const seen = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  let failure: { cause: unknown } | undefined;
  for (const parsed of file.rows) {
    if (failure) break;
    if (!parsed.ok) {
      report.invalid.push({ line: parsed.line, field: parsed.field, value: parsed.value });
      continue;
    }
    // The canonical address stands for the mailbox: two spellings of one mailbox in a file are duplicates.
    if (seen.has(parsed.row.email)) {
      report.duplicates += 1;
      continue;
    }
    seen.add(parsed.row.email);
    const task = storeOne(parsed.row, parsed.line, mode, deps, { report, createdLines })
      .catch((cause: unknown) => {
        failure ??= { cause };
      })
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
    if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
  }
  // Every write already started is awaited, so the report counts exactly what the store holds.
  await Promise.all(inFlight);
  if (failure)
    throw new ImportInterruptedError(
      report,
      createdLines.sort((a, b) => a - b),
      failure,
    );
  return { ok: true, report };
};

const storeOne = async (
  row: ImportRow,
  line: number,
  mode: ImportMode,
  deps: ImportDeps,
  { report, createdLines }: { report: ImportReport; createdLines: number[] },
) => {
  // A reader stored before the canonical form, under an old spelling, is this mailbox too: never a second one.
  const found = await findSubscriber(row.email, deps);
  const subscriber = toSubscriber(row, found.id, mode, deps.clock);
  if (found.record || !(await deps.store.create(subscriber))) {
    const existing = found.record ?? (await deps.store.get(subscriber.id));
    if (existing?.status === 'suppressed') report.suppressed += 1;
    else report.existing += 1;
    return;
  }
  report.created += 1;
  createdLines.push(line);
  if (mode.kind !== 'confirm') return;
  const outcome = await sendConfirmation(subscriber, deps);
  if (outcome.kind === 'sent') report.confirmationsSent += 1;
  else report.confirmationsFailed += 1;
};

const toSubscriber = (row: ImportRow, id: Subscriber['id'], mode: ImportMode, clock: Clock): Subscriber => {
  const now = clock.now().toISOString();
  const base = {
    id,
    email: row.email,
    ...(row.name ? { name: row.name } : {}),
    language: row.language,
    preferences: { ...(row.platform ? { platform: row.platform } : {}), paused: row.paused },
    createdAt: now,
    updatedAt: now,
  };
  const source = `import: ${mode.source}`;
  return mode.kind === 'consented'
    ? {
        ...base,
        status: 'confirmed',
        consent: { at: now, source, textVersion: 'import' },
        confirmedAt: now,
      }
    : { ...base, status: 'pending', signUp: { at: now, source, textVersion: 'import' } };
};
