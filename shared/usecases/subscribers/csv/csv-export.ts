import { stringify } from 'csv-stringify/sync';
import type { SubscriberStatus } from '../../../domain/subscriber.ts';
import type { SubscriberStore } from '../../../ports/subscriber-store.ts';
import { neutraliseCell } from './csv-formula.ts';

const HEADER = [
  'email',
  'name',
  'language',
  'platform',
  'paused',
  'status',
  'created_at',
  'confirmed_at',
  'consent_at',
  'consent_source',
];

/**
 * One status as CSV, fetched and written a page at a time so memory stays flat however long the list.
 * The first five columns are what an import reads back. Suppressions have no address and are never exported.
 * Every cell goes through `neutraliseCell`: a sign-up's name must not run as a formula in the author's spreadsheet.
 */
export const exportCsv = (
  store: SubscriberStore,
  status: Exclude<SubscriberStatus, 'suppressed'>,
  pageSize = 500,
) => {
  let cursor: string | undefined;
  let started = false;
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    pull: async (controller) => {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(stringify([HEADER])));
        return;
      }
      const page = await store.listByStatus(status, { limit: pageSize, ...(cursor ? { cursor } : {}) });
      const rows = page.items.flatMap((s) =>
        'email' in s
          ? [
              [
                s.email,
                s.name ?? '',
                s.language,
                s.preferences.platform ?? '',
                String(s.preferences.paused),
                s.status,
                s.createdAt,
                s.confirmedAt ?? '',
                s.consent?.at ?? '',
                s.consent?.source ?? '',
              ].map(neutraliseCell),
            ]
          : [],
      );
      if (rows.length > 0) controller.enqueue(encoder.encode(stringify(rows)));
      cursor = page.cursor;
      if (!cursor) controller.close();
    },
  });
};
