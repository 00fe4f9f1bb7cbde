import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startSes, type RunningServer } from '../../infra/local/stand-ins/stand-ins.ts';
import { jwsLinkTokens } from '../../shared/adapters/crypto/jws-link-tokens.ts';
import type { SubscriberStatus } from '../../shared/domain/subscriber.ts';
import { LINK_KEY } from '../support/signed-request.ts';
import { admin, BASE_URL, testApp } from '../support/test-app.ts';
import { mailboxSpellings } from './model/same-mailbox.ts';
import {
  ChangePreferences,
  checkInvariants,
  Confirm,
  Erase,
  Import,
  MoveClock,
  type Real,
  SignUp,
  Unsubscribe,
} from './model/subscription-commands.ts';
import type { SubscriptionModel } from './model/subscription-model.ts';
import type { TestApp } from './support.ts';

/** MODEL_RUNS=500 npx vitest run test/subscribers/subscriptions-model.test.ts for a longer search. */
const RUNS = Number(process.env.MODEL_RUNS ?? 20);
// Few mailboxes, so that sequences often act on the same one: sign up, leave, click an old link.
const MAILBOXES = 3;

const who = fc.nat(MAILBOXES - 1);
const language = fc.constantFrom('fr' as const, 'en' as const);
const signUp = fc.tuple(who, fc.nat(2), language).map(([w, s, l]) => new SignUp(w, s, l));
const confirm = fc
  .tuple(fc.nat(3), fc.constantFrom(1 as const, 2 as const))
  .map(([l, c]) => new Confirm(l, c));
const commands = fc.commands(
  [
    // Listed twice: the steps most others depend on come up twice as often.
    signUp,
    signUp,
    confirm,
    confirm,
    who.map((w) => new Unsubscribe(w)),
    fc.tuple(who, language, fc.boolean()).map(([w, l, p]) => new ChangePreferences(w, l, p)),
    who.map((w) => new Erase(w)),
    fc
      .tuple(
        fc.array(
          fc.record({
            who,
            spelling: fc.nat(2),
            language,
            bad: fc.constantFrom(false, false, false, true),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        fc.constantFrom('confirm' as const, 'consented' as const),
        fc.constantFrom(false, false, true),
      )
      .map(([lines, mode, broken]) => new Import(lines, mode, broken)),
    fc
      .constantFrom(1, 60, 599, 601, 3_600, 86_400, 7 * 86_400 - 30, 7 * 86_400 + 30)
      .map((s) => new MoveClock(s)),
  ],
  { maxCommands: 24, size: 'medium' },
);

describe('subscriptions under a model: sign-up, confirm, unsubscribe, preferences, import, erase, time', () => {
  let ses: RunningServer;
  let t: TestApp;
  beforeAll(async () => {
    // Its own SES stand-in, so every mail in its store is this test's, and it can be emptied each run.
    ses = await startSes();
    t = await testApp({ SES_ENDPOINT: ses.url });
  });
  afterAll(() => ses.close());

  it(`keeps one record per mailbox and mails only those who asked, over ${RUNS} random runs`, async () => {
    const tokens = jwsLinkTokens([LINK_KEY], () => t.clock.now());
    let ip = 0;
    const nextIp = () => {
      ip += 1;
      return `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}`;
    };
    await fc.assert(
      fc.asyncProperty(commands, async (cmds) => {
        await fetch(`${ses.url}/clear-store`, { method: 'POST' });
        const run = randomUUID().slice(0, 8);
        const baseline = (await (await t.app.request('/admin/subscribers/counts', admin)).json()) as Record<
          SubscriberStatus,
          number
        >;
        const model: SubscriptionModel = {
          now: t.clock.now().getTime(),
          addresses: Array.from({ length: MAILBOXES }, (_, i) =>
            // Every other mailbox on an IDN domain: its Unicode and A-label spellings are one reader.
            mailboxSpellings(`m${i}.${run}`, i % 2 === 0 ? 'exemple.fr' : 'exämple.fr'),
          ),
          records: new Map(),
          cooldownUntil: new Map(),
          mails: new Map(),
          links: [],
        };
        const real: Real = { t, sesUrl: ses.url, baseUrl: BASE_URL, tokens, baseline, mailsSeen: 0, nextIp };
        await checkInvariants(model, real);
        await fc.asyncModelRun(() => ({ model, real }), cmds);
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
