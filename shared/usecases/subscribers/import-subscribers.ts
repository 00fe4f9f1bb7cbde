import type { EmailAddress } from '../../domain/email-address.ts';
import type { Language } from '../../domain/issue.ts';
import type { Platform } from '../../domain/platforms.ts';
import type { Subscriber } from '../../domain/subscriber.ts';
import type { Clock } from '../../ports/clock.ts';
import type { SubscriberIds } from '../../ports/keyed-hash.ts';
import type { SubscriberStore } from '../../ports/subscriber-store.ts';
import { type ConfirmationDeps, sendConfirmation } from './send-confirmation.ts';

export type ImportRow = {
  email: EmailAddress;
  name?: string;
  language: Language;
  platform?: Platform;
  paused: boolean;
};

/** A row as the edge parsed it: valid, or refused with the reason, both with their line in the file. */
export type ParsedRow =
  { line: number; ok: true; row: ImportRow } | { line: number; ok: false; detail: string };

/** The admin's choice: these people consented elsewhere (and where), or they must confirm first. */
export type ImportMode = { kind: 'consented'; source: string } | { kind: 'confirm'; source: string };

export type ImportReport = {
  rows: number;
  created: number;
  existing: number;
  duplicates: number;
  suppressed: number;
  invalid: { line: number; detail: string }[];
  confirmationsSent: number;
  confirmationsFailed: number;
};

export type ImportDeps = ConfirmationDeps & { store: SubscriberStore; ids: SubscriberIds; clock: Clock };

const IN_FLIGHT = 16;

/**
 * Streams rows into the store: each address once (the first row wins), existing records untouched (an import
 * never resubscribes someone who left), suppressed ones skipped, at most IN_FLIGHT writes at a time.
 */
export const importSubscribers = async (
  rows: AsyncIterable<ParsedRow>,
  mode: ImportMode,
  deps: ImportDeps,
): Promise<ImportReport> => {
  const report: ImportReport = {
    rows: 0,
    created: 0,
    existing: 0,
    duplicates: 0,
    suppressed: 0,
    invalid: [],
    confirmationsSent: 0,
    confirmationsFailed: 0,
  };
  const seen = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  for await (const parsed of rows) {
    report.rows += 1;
    if (!parsed.ok) {
      report.invalid.push({ line: parsed.line, detail: parsed.detail });
      continue;
    }
    const subscriber = toSubscriber(parsed.row, deps.ids.idFor(parsed.row.email), mode, deps.clock);
    if (seen.has(subscriber.id)) {
      report.duplicates += 1;
      continue;
    }
    seen.add(subscriber.id);
    const task = storeOne(subscriber, mode, deps, report).finally(() => inFlight.delete(task));
    inFlight.add(task);
    if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  return report;
};

const storeOne = async (subscriber: Subscriber, mode: ImportMode, deps: ImportDeps, report: ImportReport) => {
  if (!(await deps.store.create(subscriber))) {
    const existing = await deps.store.get(subscriber.id);
    if (existing?.status === 'suppressed') report.suppressed += 1;
    else report.existing += 1;
    return;
  }
  report.created += 1;
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
