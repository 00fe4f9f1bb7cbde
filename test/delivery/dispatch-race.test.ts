import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { deliverySetup } from '../support/delivery-setup.ts';

describe('a second send now that read no campaign before the first made it', () => {
  it('queues nothing once the first dispatch is done, even with its lease run out', async () => {
    const t = await deliverySetup();
    await t.addSubscribers(3, 'confirmed');
    expect((await t.dispatch({ series: 34 })).kind).toBe('dispatched');
    const queued = t.queue.size();
    t.clock.set(new Date(t.clock.now().getTime() + 5 * 60_000).toISOString());
    // Its first read of the campaign happened before the first request created it: it found none.
    let stale = true;
    const doc = new Proxy(t.doc, {
      get: (target, key, receiver) =>
        key === 'send'
          ? (command: unknown) => {
              const read =
                command instanceof GetCommand && String(command.input.Key?.pk).startsWith('CAMPAIGN#');
              if (read && stale) {
                stale = false;
                return Promise.resolve({});
              }
              return target.send(command as GetCommand);
            }
          : Reflect.get(target, key, receiver),
    });
    const late = t.deliveryWith({ doc });
    expect(await late.dispatch({ series: 34 })).toMatchObject({ kind: 'already_started' });
    expect(t.queue.size() + late.queue.size()).toBe(queued);
  });
});
