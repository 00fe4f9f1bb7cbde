import type { SubscriberId } from '../../domain/subscriber.ts';
import { eraseSubscriber } from './privacy.ts';

/** The operator's erasure: only of a subscriber the store knows, so a mistyped id is told, not "erased". */
export const eraseKnownSubscriber = async (
  id: SubscriberId,
  deps: Parameters<typeof eraseSubscriber>[1],
): Promise<{ ok: true } | { ok: false; error: 'not_found' }> => {
  if (!(await deps.store.get(id))) return { ok: false, error: 'not_found' };
  await eraseSubscriber(id, deps);
  return { ok: true };
};
