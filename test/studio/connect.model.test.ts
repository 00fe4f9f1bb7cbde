import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consent } from '../../infra/local/oauth/consent.ts';
import { startXFake, type XFake } from '../../infra/local/social/x/fake.ts';
import { accountsStudio } from './accounts-support.ts';

type Studio = Awaited<ReturnType<typeof accountsStudio>>;
type Callback = { url: URL; allowed: boolean; used: boolean; begunAtMs: number };
type Real = { t: Studio; callbacks: Callback[] };
/** What the last successful action says is stored: connected with the tokens of that callback, or nothing. */
type Model = { connected: boolean; nowMs: number };

const WINDOW_MS = 10 * 60_000;

/** The store against the model: connected or not, and never a half-written account (label, profile, tokens). */
const same = async (model: Model, real: Real) => {
  const stored = await real.t.store.get('x');
  if (!model.connected) return expect(stored).toBeUndefined();
  expect(stored).toMatchObject({
    state: 'connected',
    label: '@dimanche_fm',
    profile: { username: 'dimanche_fm' },
  });
  expect(JSON.parse(await real.t.sealer.open(stored?.sealed ?? ''))).toHaveProperty('accessToken');
};

/** "Connecter", then Autoriser or Refuser on the network's page; the way back is kept for later. */
class Begin implements fc.AsyncCommand<Model, Real> {
  constructor(readonly allowed: boolean) {}
  check = () => true;
  run = async (model: Model, real: Real) => {
    const { to } = await real.t.begin('x');
    const { back } = await consent(to ?? '', this.allowed ? 'allow' : 'deny');
    real.callbacks.push({ url: back, allowed: this.allowed, used: false, begunAtMs: model.nowMs });
    await same(model, real);
  };
  toString = () => `begin(${this.allowed ? 'allow' : 'deny'})`;
}

/** Her browser arrives at a callback: fresh, or one used already (Back, a reload), or gone stale. */
class Arrive implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number) {}
  check = (_model: Readonly<Model>) => true;
  run = async (model: Model, real: Real) => {
    const callback = real.callbacks[this.pick % Math.max(1, real.callbacks.length)];
    if (!callback) return;
    const before = await real.t.store.get('x');
    const answer = await real.t.back(callback.url);
    const fresh = !callback.used && model.nowMs - callback.begunAtMs < WINDOW_MS;
    callback.used = true;
    if (fresh && callback.allowed) {
      expect(answer.status).toBe(200);
      model.connected = true;
      await same(model, real);
      const after = await real.t.store.get('x');
      // A reconnect writes a new account, with the new tokens: never the old one kept.
      if (before) expect(after?.sealed).not.toBe(before.sealed);
      return;
    }
    expect(answer.status).toBe(fresh ? 403 : 409);
    expect(await answer.text()).toContain('Rien n’a été enregistré');
    expect(await real.t.store.get('x')).toEqual(before);
  };
  toString = () => `arrive(${this.pick})`;
}

class Disconnect implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  run = async (model: Model, real: Real) => {
    const answer = await real.t.post('/studio/accounts/x/disconnect');
    expect(answer.status).toBe(model.connected ? 303 : 409);
    model.connected = false;
    await same(model, real);
  };
  toString = () => 'disconnect';
}

/** She leaves the consent page open a while. */
class Wait implements fc.AsyncCommand<Model, Real> {
  constructor(readonly minutes: number) {}
  check = () => true;
  run = async (model: Model, real: Real) => {
    model.nowMs += this.minutes * 60_000;
    real.t.clock.set(new Date(model.nowMs).toISOString());
    await same(model, real);
  };
  toString = () => `wait(${this.minutes} min)`;
}

let x: XFake;
beforeAll(async () => {
  x = await startXFake();
});
afterAll(() => x?.close());

describe('Connecter, callbacks and Déconnecter in any order, through the studio', () => {
  it('store what the last successful action says, use no state twice, and write nothing half-way', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.commands(
          [
            fc.boolean().map((allowed) => new Begin(allowed)),
            fc.nat(20).map((pick) => new Arrive(pick)),
            fc.constant(new Disconnect()),
            fc.integer({ min: 1, max: 12 }).map((minutes) => new Wait(minutes)),
          ],
          { maxCommands: 12 },
        ),
        async (commands) => {
          const t = await accountsStudio({ x: x.url });
          const start = t.clock.now().getTime();
          await fc.asyncModelRun(
            () => ({ model: { connected: false, nowMs: start }, real: { t, callbacks: [] } }),
            commands,
          );
        },
      ),
      { numRuns: Number(process.env.MODEL_RUNS ?? 12) },
    );
  }, 120_000);
});
