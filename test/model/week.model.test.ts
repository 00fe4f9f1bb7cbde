import fc from 'fast-check';
import { expect, it } from 'vitest';
import { campaignIdFor } from '../../shared/domain/campaign.ts';
import { issueIdFor } from '../../shared/domain/issue.ts';
import { type WeekApp, weekApp } from '../support/week-app.ts';
import {
  canHold,
  canMove,
  canRelease,
  canSendNow,
  cliSends,
  comingOf,
  expectPublish,
  newModel,
  record,
  scheduleSends,
  SERIES,
  type WeekModel,
  weeksFromComing,
} from './week-model.ts';

/** The real app, and her studio session (renewed when the clock has moved past its lifetime). */
type Real = { w: WeekApp; session: { cookie: string; csrf: string; at: number } };
type Cmd = fc.AsyncCommand<WeekModel, Real>;

const START = '2026-11-24T10:00:00Z';
const HOUR = 3_600_000;

const studio = async (r: Real) => {
  if (r.w.clock.now().getTime() - r.session.at > 11 * HOUR)
    r.session = { ...(await r.w.signIn()), at: r.w.clock.now().getTime() };
  return {
    post: (path: string, fields: Record<string, string> = {}) =>
      r.w.app.request(path, r.w.form({ _csrf: r.session.csrf, ...fields }, r.session.cookie)),
    get: (path: string) => r.w.app.request(path, { headers: { cookie: r.session.cookie } }),
  };
};

/** 303 to where the action leads, or 409 with the French refusal page: never the sign-in page. */
const expectAnswer = async (answer: Response, ok: boolean, label: string) => {
  expect(answer.status, label).toBe(ok ? 303 : 409);
  if (ok) expect(answer.headers.get('location'), label).toMatch(/^\/studio\/(issues|campaigns)\/\d+/);
  else expect(await answer.text(), label).toContain('Rien n’a été fait : aucun e-mail n’est parti.');
};

class Publish implements Cmd {
  constructor(
    readonly series: number,
    readonly weeks: number | undefined,
    readonly edit: number,
  ) {}
  check = () => true;
  async run(m: WeekModel, r: Real) {
    const asked = this.weeks === undefined ? undefined : weeksFromComing(m, this.weeks);
    const expected = expectPublish(m, this.series, asked);
    const answer = await r.w.publish(this.series, {
      subtitle: `Révision ${this.edit}`,
      ...(asked ? { sunday: asked } : {}),
    });
    expect(answer.status, this.toString()).toBe(expected.status);
    if (expected.sunday) {
      expect(answer.body.sunday, this.toString()).toBe(expected.sunday);
      const issue = m.issues.get(this.series);
      m.issues.set(this.series, { ...(issue ?? { sent: false }), sunday: expected.sunday });
    }
  }
  toString = () => `publish #${this.series} (${this.weeks ?? 'no Sunday'}, edit ${this.edit})`;
}

class HoldAction implements Cmd {
  constructor(
    readonly series: number,
    readonly action: 'hold' | 'cancel' | 'release',
  ) {}
  check = () => true;
  async run(m: WeekModel, r: Real) {
    const ok = this.action === 'release' ? canRelease(m, this.series) : canHold(m, this.series);
    const answer = await (await studio(r)).post(`/studio/issues/${this.series}/${this.action}`);
    if (!m.issues.has(this.series)) return void expect(answer.status).toBe(404);
    await expectAnswer(answer, ok, this.toString());
    if (!ok) return;
    const issue = m.issues.get(this.series);
    if (!issue) return;
    if (this.action === 'release') delete issue.hold;
    else issue.hold = this.action === 'hold' ? 'held' : 'cancelled';
    record(m, this.series, this.action);
  }
  toString = () => `${this.action} #${this.series}`;
}

class Move implements Cmd {
  constructor(
    readonly series: number,
    readonly weeks: number,
  ) {}
  check = () => true;
  async run(m: WeekModel, r: Real) {
    const to = weeksFromComing(m, this.weeks);
    const ok = canMove(m, this.series, to);
    const answer = await (await studio(r)).post(`/studio/issues/${this.series}/move`, { to });
    if (!m.issues.has(this.series)) return void expect(answer.status).toBe(404);
    await expectAnswer(answer, ok, this.toString());
    const issue = m.issues.get(this.series);
    if (!ok || !issue) return;
    issue.sunday = to;
    record(m, this.series, 'move');
  }
  toString = () => `move #${this.series} to coming+${this.weeks}w`;
}

/** The studio's send now: with its confirmation page first, a stale form posted alone, or a double submit. */
class SendNow implements Cmd {
  constructor(
    readonly series: number,
    readonly how: 'confirmed' | 'stale' | 'double',
  ) {}
  check = () => true;
  async run(m: WeekModel, r: Real) {
    const ok = canSendNow(m, this.series);
    const { get, post } = await studio(r);
    const path = `/studio/issues/${this.series}/send-now`;
    if (!m.issues.has(this.series)) return void expect((await post(path)).status).toBe(404);
    if (this.how === 'confirmed') expect((await get(path)).status, this.toString()).toBe(ok ? 200 : 409);
    if (this.how === 'double') {
      const both = await Promise.all([post(path), post(path)]);
      expect(both.map((a) => a.status).sort(), this.toString()).toEqual(ok ? [303, 409] : [409, 409]);
    } else await expectAnswer(await post(path), ok, this.toString());
    const issue = m.issues.get(this.series);
    if (!ok || !issue) return;
    issue.sent = true;
    record(m, this.series, 'send_now');
  }
  toString = () => `send now #${this.series} (${this.how})`;
}

class SundayCli implements Cmd {
  constructor(readonly series: number | undefined) {}
  check = () => true;
  async run(m: WeekModel, r: Real) {
    const sends = cliSends(m, this.series);
    const answer = await r.w.sundayNow(this.series);
    expect(answer.result.kind, this.toString()).toBe(sends === undefined ? answer.result.kind : 'dispatched');
    if (sends === undefined) expect(answer.result.kind, this.toString()).not.toBe('dispatched');
    const issue = sends === undefined ? undefined : m.issues.get(sends);
    if (issue) issue.sent = true;
  }
  toString = () => `npm run sunday -- --now${this.series ? ` --issue ${this.series}` : ''}`;
}

/** The clock to the next Sunday 09:00 in Paris (08:00 UTC in winter), and the schedule fires. */
class ScheduleFires implements Cmd {
  check = () => true;
  async run(m: WeekModel, r: Real) {
    let at = new Date(`${comingOf(m)}T08:00:00Z`);
    if (at < m.now) at = new Date(at.getTime() + 7 * 24 * HOUR);
    m.now = at;
    r.w.clock.set(at.toISOString());
    const sends = scheduleSends(m);
    const result = await r.w.delivery.dispatch();
    expect(result.kind, this.toString()).toBe(sends === undefined ? result.kind : 'dispatched');
    if (sends === undefined) expect(result.kind, this.toString()).not.toBe('dispatched');
    const issue = sends === undefined ? undefined : m.issues.get(sends);
    if (issue) issue.sent = true;
  }
  toString = () => 'the schedule fires';
}

class ClockMoves implements Cmd {
  constructor(readonly hours: number) {}
  check = () => true;
  async run(m: WeekModel, r: Real) {
    m.now = new Date(m.now.getTime() + this.hours * HOUR);
    r.w.clock.set(m.now.toISOString());
  }
  toString = () => `${this.hours} h pass`;
}

/** After every step, the real app against the model: the invariants of her week. */
const invariants = async (m: WeekModel, r: Real) => {
  await r.w.drained();
  const issues = await r.w.delivery.issues.pageBySunday({ limit: 50 });
  const sundays = issues.map((i) => i.sunday);
  expect(new Set(sundays).size, `two issues share a Sunday: ${sundays.join(', ')}`).toBe(sundays.length);
  expect(Object.fromEntries(issues.map((i) => [i.series, i.sunday]))).toEqual(
    Object.fromEntries([...m.issues].map(([series, issue]) => [series, issue.sunday])),
  );
  for (const series of SERIES) {
    const campaign = await r.w.delivery.campaigns.get(campaignIdFor(issueIdFor(series)));
    // Only the issue an action or the schedule named has a campaign; a held or cancelled one has none.
    expect(Boolean(campaign), `campaign of #${series}`).toBe(Boolean(m.issues.get(series)?.sent));
    const recorded = (await r.w.holds.actions(issueIdFor(series))).map((a) => a.action);
    expect(recorded, `actions recorded on #${series}`).toEqual(m.actions.get(series) ?? []);
  }
  const mails = r.w.readerMails();
  const pairs = mails.map((mail) => `${mail.campaign} ${mail.to}`);
  expect(new Set(pairs).size, 'a reader got two mails of one issue').toBe(pairs.length);
  const sent = [...m.issues].filter(([, issue]) => issue.sent).map(([series]) => `cmp_${series}`);
  expect([...new Set(mails.map((mail) => mail.campaign))].sort()).toEqual(sent.sort());
  expect(mails.length).toBe(sent.length * r.w.readers.length);
};

const series = fc.constantFrom(...SERIES);
const publish = fc
  .tuple(series, fc.option(fc.integer({ min: -1, max: 4 }), { nil: undefined }), fc.nat(1000))
  .map(([n, weeks, edit]) => new Publish(n, weeks, edit));
const sendNow = fc
  .tuple(series, fc.constantFrom('confirmed' as const, 'stale' as const, 'double' as const))
  .map(([n, how]) => new SendNow(n, how));
// Publishing and sending are listed twice: her week is mostly those, and they make the states worth checking.
const commands = fc.commands(
  [
    publish,
    publish,
    sendNow,
    sendNow,
    fc
      .tuple(series, fc.constantFrom('hold' as const, 'cancel' as const, 'release' as const))
      .map(([n, action]) => new HoldAction(n, action)),
    fc.tuple(series, fc.integer({ min: 0, max: 5 })).map(([n, weeks]) => new Move(n, weeks)),
    fc.option(series, { nil: undefined }).map((n) => new SundayCli(n)),
    fc.constant(new ScheduleFires()),
    fc.integer({ min: 1, max: 80 }).map((hours) => new ClockMoves(hours)),
  ],
  { maxCommands: 14 },
);

/** More runs for a longer look: MODEL_RUNS=200 npx vitest run test/model/week.model.test.ts */
const runs = Number(process.env.MODEL_RUNS ?? 15);

it(
  'keeps her week right: each send is the issue named, once per reader, never a held one, one issue a Sunday',
  async () => {
    await fc.assert(
      fc.asyncProperty(commands, async (cmds) => {
        const w = await weekApp({ readers: 2, start: START });
        const real: Real = { w, session: { ...(await w.signIn()), at: w.clock.now().getTime() } };
        const model = newModel(new Date(START));
        try {
          await fc.asyncModelRun(
            () => ({ model, real }),
            [...cmds].map((cmd) => ({
              check: (m: Readonly<WeekModel>) => cmd.check(m),
              run: async (m: WeekModel, r: Real) => {
                await cmd.run(m, r);
                await invariants(m, r);
              },
              toString: () => cmd.toString(),
            })),
          );
        } finally {
          await w.stop();
        }
      }),
      { numRuns: runs },
    );
  },
  Math.max(60_000, runs * 8_000),
);
