import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accessToken } from '../../shared/usecases/accounts/access-token.ts';
import {
  beginConnect,
  type ConnectCallback,
  finishConnect,
} from '../../shared/usecases/accounts/connect-account.ts';
import { disconnectAccount } from '../../shared/usecases/accounts/disconnect-account.ts';
import { consent, HOUR, oauthHarness, X_POLICY } from './oauth-harness.ts';

type Real = Awaited<ReturnType<typeof oauthHarness>> & { callbacks: ConnectCallback[] };
/**
 * What she should see. `revoked`: she removed the app on the network, which nobody here knows until the next
 * refresh is refused; `broken`: "à reconnecter" known here; `notices`: the mails she got about it.
 */
type Model = {
  connected: boolean;
  revoked: boolean;
  broken: boolean;
  notices: number;
  nowMs: number;
  accessUntilMs: number;
};

const REFRESH_AHEAD_MS = 15 * 60_000;

const sameNotices = (model: Model, real: Real) => expect(real.notices).toHaveLength(model.notices);

/** She presses "Connecter" and authorizes on the network's page. */
class Connect implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  run = async (model: Model, real: Real) => {
    const { callback } = await consent(await beginConnect(real.provider, real.connect));
    real.callbacks.push(callback);
    expect(await finishConnect(real.provider, callback, real.connect)).toMatchObject({ ok: true });
    Object.assign(model, {
      connected: true,
      revoked: false,
      broken: false,
      accessUntilMs: model.nowMs + 2 * HOUR,
    });
    sameNotices(model, real);
  };
  toString = () => 'connect';
}

/** An old tab, Back, or a double submit brings a callback already used: it changes nothing. */
class StaleCallback implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number) {}
  check = () => true;
  run = async (model: Model, real: Real) => {
    const callback = real.callbacks[this.pick % Math.max(1, real.callbacks.length)];
    if (!callback) return;
    const before = await real.accounts.get(real.provider.id);
    expect(await finishConnect(real.provider, callback, real.connect)).toEqual({
      ok: false,
      error: 'unknown_state',
    });
    expect(await real.accounts.get(real.provider.id)).toEqual(before);
    sameNotices(model, real);
  };
  toString = () => `stale callback #${this.pick}`;
}

/** A post (or the refresh job) asks for the token: it works whenever she is connected and the grant lives. */
class Use implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  run = async (model: Model, real: Real) => {
    const result = await accessToken(real.provider, real.access);
    const due = model.accessUntilMs - model.nowMs < REFRESH_AHEAD_MS;
    if (!model.connected) expect(result).toEqual({ ok: false, error: 'not_connected' });
    else if (model.broken) expect(result).toEqual({ ok: false, error: 'to_reconnect' });
    else if (model.revoked && due) {
      expect(result).toEqual({ ok: false, error: 'to_reconnect' });
      model.broken = true;
      model.notices += 1;
    } else {
      if (!result.ok) throw new Error(`expected a token, got ${result.error}`);
      expect(result.refreshed).toBe(due);
      if (due) model.accessUntilMs = model.nowMs + 2 * HOUR;
      // A revoked grant's token is refused by the network: the next refresh will tell.
      expect(real.server.verify(result.accessToken) !== undefined, 'the network takes it').toBe(
        !model.revoked,
      );
    }
    sameNotices(model, real);
  };
  toString = () => 'use';
}

class Wait implements fc.AsyncCommand<Model, Real> {
  constructor(readonly ms: number) {}
  check = () => true;
  run = async (model: Model, real: Real) => {
    model.nowMs += this.ms;
    real.clock.set(new Date(real.clock.now().getTime() + this.ms).toISOString());
  };
  toString = () => `wait ${Math.round(this.ms / 60_000)} min`;
}

/** She removes the app on the network (or changes her password there). */
class RevokeAtNetwork implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  run = async (model: Model, real: Real) => {
    real.server.revokeAll();
    if (model.connected) model.revoked = true;
  };
  toString = () => 'revoke at the network';
}

/** "Déconnecter", twice maybe: the second finds nothing. */
class Disconnect implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  run = async (model: Model, real: Real) => {
    const result = await disconnectAccount(real.provider, real.access);
    expect(result.ok).toBe(model.connected);
    Object.assign(model, { connected: false, revoked: false, broken: false });
    sameNotices(model, real);
  };
  toString = () => 'disconnect';
}

describe('her connection to a network, model-based', () => {
  it('gives a working token whenever she is connected, one mail per break, and ignores stale callbacks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.commands(
          [
            fc.constant(new Connect()),
            fc.nat(5).map((pick) => new StaleCallback(pick)),
            fc.constant(new Use()),
            fc.constantFrom(10 * 60_000, HOUR, 3 * HOUR, 30 * 24 * HOUR).map((ms) => new Wait(ms)),
            fc.constant(new RevokeAtNetwork()),
            fc.constant(new Disconnect()),
          ],
          { maxCommands: 14 },
        ),
        async (commands) => {
          const h = await oauthHarness(X_POLICY);
          try {
            await fc.asyncModelRun(
              () => ({
                model: {
                  connected: false,
                  revoked: false,
                  broken: false,
                  notices: 0,
                  nowMs: 0,
                  accessUntilMs: 0,
                },
                real: { ...h, callbacks: [] },
              }),
              commands,
            );
          } finally {
            await h.server.close();
          }
        },
      ),
      { numRuns: Number(process.env.MODEL_RUNS ?? 40) },
    );
  }, 60_000);
});
