import { describe, expect, it } from 'vitest';
import type { Campaign } from '../../../shared/domain/campaign.ts';
import { item } from '../../../shared/domain/deliverability/health-item.ts';
import { type IssueId, issueIdFor } from '../../../shared/domain/issue.ts';
import type { SocialAttempt } from '../../../shared/domain/social/social-attempt.ts';
import { actionOfSlug, actionSlug } from '../../../shared/domain/studio/action-slug.ts';
import { barChart } from '../../../shared/domain/studio/bar-chart.ts';
import { blockingFirst } from '../../../shared/domain/studio/blocking-first.ts';
import { campaignProgress } from '../../../shared/domain/studio/campaign-progress.ts';
import { issueIdOfNumber, issueName } from '../../../shared/domain/studio/issue-name.ts';
import { sendTimeOn } from '../../../shared/domain/studio/schedule-runs.ts';
import { socialOutcome } from '../../../shared/domain/studio/social-outcome.ts';
import { weeklyTotals } from '../../../shared/domain/studio/weekly-totals.ts';

describe('an issue as the studio names it', () => {
  it('reads its number from the address, and nothing else', () => {
    expect(issueIdOfNumber('34')).toBe(issueIdFor(34));
    for (const raw of ['0', '034', '-1', '3.4', 'abc', '1234567890', ''])
      expect(issueIdOfNumber(raw)).toBeUndefined();
    expect(issueName({ series: 34, title: 'Chambre en Provence' })).toBe('#34 — Chambre en Provence');
  });

  it('spells an action in its address with a hyphen and reads it back, refusing any other word', () => {
    expect(actionSlug('send_now')).toBe('send-now');
    expect(actionOfSlug('send-now')).toBe('send_now');
    expect(actionOfSlug('hold')).toBe('hold');
    expect(actionOfSlug('delete')).toBeUndefined();
  });
});

describe('the send time on a Sunday', () => {
  it("is the schedule's run on that Sunday in the newsletter's zone, none when it does not fire that day", () => {
    expect(sendTimeOn('0 9 * * 0', 'Europe/Paris', '2026-12-13')?.toISOString()).toBe(
      '2026-12-13T08:00:00.000Z',
    );
    expect(sendTimeOn('0 9 * * 1', 'Europe/Paris', '2026-12-13')).toBeUndefined();
  });
});

describe('the confirmed readers week by week', () => {
  it('counts, at the end of each of the last eight weeks, who had confirmed by then', () => {
    const now = new Date('2026-12-07T12:00:00.000Z');
    const weeks = weeklyTotals(['2026-10-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z'], now);
    expect(weeks).toHaveLength(8);
    expect(weeks.at(-1)).toEqual({ end: now.toISOString(), value: 2 });
    expect(weeks[0]?.value).toBe(1);
  });
});

describe("a network's announcement on the campaign page", () => {
  const attempt = (state: SocialAttempt['state'], detail?: string): SocialAttempt => ({
    issueId: 'iss_34' as IssueId,
    network: 'bluesky',
    state,
    attempts: 1,
    version: 1,
    updatedAt: '2026-12-06T08:00:00.000Z',
    ...(detail ? { detail } : {}),
  });

  it('says its state, good or bad, and shows the network’s words only for a failure', () => {
    expect(socialOutcome('bluesky', [attempt('published', 'ok')], [])).toMatchObject({
      said: 'published',
      tone: 'sent',
      detail: undefined,
    });
    expect(socialOutcome('bluesky', [attempt('failed', 'rate limited')], [])).toMatchObject({
      said: 'failed',
      tone: 'held',
      detail: 'rate limited',
    });
  });

  it('without an attempt, says whether it is still to come or the network is not connected', () => {
    expect(socialOutcome('bluesky', [], ['bluesky']).said).toBe('notYet');
    expect(socialOutcome('bluesky', [], []).said).toBe('notConnected');
  });
});

describe("the deliverability checks' order", () => {
  it('puts the blocking ones first and keeps the rest in their order', () => {
    const report = {
      checkedAt: '2026-12-06T08:00:00.000Z',
      items: [item('a', 'ok', 'a', 'a'), item('b', 'fail', 'b', 'b'), item('c', 'warn', 'c', 'c')],
    };
    const { failing, ordered } = blockingFirst(report);
    expect(failing.map((i) => i.id)).toEqual(['b']);
    expect(ordered.map((i) => i.id)).toEqual(['b', 'a', 'c']);
    expect(blockingFirst(undefined)).toEqual({ failing: [], ordered: [] });
  });
});

describe("a bar chart's geometry", () => {
  it('draws each bar as its share of the longest, a count above zero never thinner than 1', () => {
    const { hasData, bars } = barChart([
      { label: 'a', value: 200 },
      { label: 'b', value: 1 },
      { label: 'c', value: 0 },
    ]);
    expect(hasData).toBe(true);
    expect(bars.map((b) => b.width)).toEqual([100, 1, 0]);
  });

  it('has no data with only zeros, or no rows', () => {
    expect(barChart([{ label: 'a', value: 0 }]).hasData).toBe(false);
    expect(barChart([]).hasData).toBe(false);
  });
});

describe("a campaign's progress", () => {
  const counts = {
    audience: 10,
    claimed: 0,
    sending: 0,
    sent: 4,
    failed: 1,
    skipped: 1,
    ambiguous: 0,
    pending: 4,
  };
  const campaign = { startedAt: '2026-12-06T08:00:00.000Z', audience: 8 } as Campaign;

  it('counts what is done and what is left against the larger audience, and mails a second so far', () => {
    const progress = campaignProgress(campaign, counts, new Date('2026-12-06T08:00:02.000Z'));
    expect(progress).toMatchObject({ audience: 10, done: 6, pending: 4, rate: 2 });
  });

  it('measures a finished campaign to its end, not to now', () => {
    const done = { ...campaign, finishedAt: '2026-12-06T08:00:04.000Z' } as Campaign;
    expect(campaignProgress(done, counts, new Date('2026-12-07T08:00:00.000Z')).rate).toBe(1);
  });
});
