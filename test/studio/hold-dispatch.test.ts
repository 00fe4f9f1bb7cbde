import { describe, expect, it } from 'vitest';
import { dynamoIssueHolds } from '../../shared/adapters/dynamodb/issue-hold-store.ts';
import { campaignIdFor } from '../../shared/domain/campaign.ts';
import { holdIssue, releaseIssue } from '../../shared/usecases/studio/hold-issue.ts';
import { deliverySetup } from '../support/delivery-setup.ts';

const setup = async () => {
  const t = await deliverySetup();
  await t.addSubscribers(2, 'confirmed');
  const holds = dynamoIssueHolds(t.doc, t.tableName);
  const deps = { issues: t.issues, holds, campaigns: t.campaigns, clock: t.clock };
  return { t, holds, deps };
};

describe('a held issue on its Sunday', () => {
  it.each(['held', 'cancelled'] as const)(
    'is skipped by the Sunday run when %s, and nothing is sent',
    async (kind) => {
      const { t, deps } = await setup();
      expect(await holdIssue('iss_34', kind, 'autrice@exemple.fr', deps)).toEqual({ ok: true });
      expect(await t.dispatch()).toMatchObject({ kind: 'held', issueId: 'iss_34' });
      expect(await t.dispatch({ manual: true })).toMatchObject({ kind: 'held' });
      expect(await t.campaigns.get(campaignIdFor('iss_34'))).toBeUndefined();
      expect(t.sent).toHaveLength(0);
    },
  );

  it('goes out once released, and both actions are recorded with who and when', async () => {
    const { t, holds, deps } = await setup();
    await holdIssue('iss_34', 'held', 'autrice@exemple.fr', deps);
    expect(await holdIssue('iss_34', 'held', 'autrice@exemple.fr', deps)).toEqual({
      ok: false,
      error: 'unchanged',
    });
    expect(await releaseIssue('iss_34', 'autrice@exemple.fr', deps)).toEqual({ ok: true });
    expect(await releaseIssue('iss_34', 'autrice@exemple.fr', deps)).toEqual({
      ok: false,
      error: 'unchanged',
    });
    expect(await t.dispatch()).toMatchObject({ kind: 'dispatched' });
    const at = t.clock.now().toISOString();
    expect(await holds.actions('iss_34')).toEqual([
      { issueId: 'iss_34', action: 'hold', by: 'autrice@exemple.fr', at },
      { issueId: 'iss_34', action: 'release', by: 'autrice@exemple.fr', at },
    ]);
  });

  it('cannot be held once its campaign has started, nor when it does not exist', async () => {
    const { t, deps } = await setup();
    await t.dispatch();
    expect(await holdIssue('iss_34', 'held', 'autrice@exemple.fr', deps)).toEqual({
      ok: false,
      error: 'already_started',
    });
    expect(await holdIssue('iss_99', 'held', 'autrice@exemple.fr', deps)).toEqual({
      ok: false,
      error: 'not_found',
    });
  });
});
