import { describe, expect, it } from 'vitest';
import { connectToFake } from '../../infra/local/social/connect-to-fake.ts';

const fake = () => {
  const closed = { count: 0 };
  return { closed, close: async () => void (closed.count += 1) };
};
const standIn = { label: '@dimanche', profile: { baseUrl: 'http://127.0.0.1:9' }, accepts: () => false };

describe('a stand-in connected to its fake', () => {
  it('keeps the fake running and returns the tokens of a sign-in that worked', async () => {
    const running = fake();
    const tokens = await connectToFake(running, 'x', undefined, standIn, async () => ({
      tokens: { accessToken: 'at_1' },
      canRefresh: false,
    }));
    expect(tokens).toEqual({ accessToken: 'at_1' });
    expect(running.closed.count).toBe(0);
  });

  it('closes the fake when the sign-in fails, and passes the failure on', async () => {
    const running = fake();
    const refused = new Error('consent refused');
    await expect(connectToFake(running, 'x', undefined, standIn, () => Promise.reject(refused))).rejects.toBe(
      refused,
    );
    expect(running.closed.count).toBe(1);
  });
});
