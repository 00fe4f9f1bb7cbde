import type { Issue, IssueId } from '../domain/issue.ts';
import type { PublicObject, PublicObjects } from '../ports/public-objects.ts';

export type BuiltObjectDeps = {
  publicObjects?: Pick<PublicObjects, 'get'> | undefined;
  issues: { get: (id: IssueId) => Promise<Pick<Issue, 'status'> | undefined> };
};

/**
 * The finished page or feed the render step stored under `key`, if it still holds on `today`: undefined when
 * none was built, it is not public yet, it went stale with the date, or an issue it leaves out has been sent
 * since (the caller then builds it from the table).
 */
export const builtPublicObject = async (
  key: string,
  today: string,
  deps: BuiltObjectDeps,
): Promise<PublicObject | undefined> => {
  let object = await deps.publicObjects?.get(key);
  // A copy gone stale names the one built for the day it went stale: a Sunday or two ahead at most.
  for (let hops = 0; object?.staleFrom !== undefined && object.staleFrom <= today && hops < 8; hops += 1) {
    object = object.next === undefined ? undefined : await deps.publicObjects?.get(object.next);
  }
  if (!object || (object.staleFrom !== undefined && object.staleFrom <= today)) return undefined;
  if (object.publicFrom !== undefined && object.publicFrom > today) return undefined;
  // An issue this copy leaves out may have been sent early: one key read each, only while one is pending.
  for (const id of object.pending ?? []) {
    if ((await deps.issues.get(id as IssueId))?.status === 'sent') return undefined;
  }
  return object;
};
