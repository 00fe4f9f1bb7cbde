import { beforeEach, describe, expect, it } from 'vitest';
import { aSubscriber } from '../builders/subscriber.ts';
import { mailsTo } from '../support/mail-store.ts';
import { admin, testApp } from '../support/test-app.ts';
import { idOf, importCsv, type TestApp, uniqueAddress } from './support.ts';

let t: TestApp;
beforeEach(async () => {
  t = await testApp();
});

const problem = async (response: Response, status: number) => {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  return (await response.json()) as { detail: string; errors?: { pointer: string }[] };
};

describe('the admin subscriber API', () => {
  it('refuses a request without the admin token', async () => {
    for (const path of ['/admin/subscribers', '/admin/subscribers/counts', '/admin/subscribers/export.csv']) {
      expect((await t.app.request(path)).status).toBe(401);
    }
    expect((await importCsv(t.app, 'email\n', 'mode=confirm')).status).not.toBe(401);
    const wrong = await t.app.request('/admin/subscribers', {
      headers: { authorization: 'Bearer nope-nope-nope' },
    });
    expect(wrong.status).toBe(401);
  });

  it('lists a status a page at a time, counts every status, and finds one address', async () => {
    const made = await Promise.all(
      [1, 2, 3].map(async () => {
        const email = uniqueAddress();
        const s = aSubscriber({ id: idOf(email), email });
        await t.subscribers.create(s);
        return s;
      }),
    );
    await t.subscribers.create(aSubscriber({ status: 'pending' }));
    const first = (await (
      await t.app.request('/admin/subscribers?status=confirmed&limit=2', admin)
    ).json()) as {
      items: { id: string }[];
      cursor?: string;
    };
    expect(first.items).toHaveLength(2);
    const rest = (await (
      await t.app.request(
        `/admin/subscribers?limit=2&cursor=${encodeURIComponent(first.cursor ?? '')}`,
        admin,
      )
    ).json()) as { items: { id: string }[]; cursor?: string };
    expect([...first.items, ...rest.items].map((s) => s.id).sort()).toEqual(made.map((s) => s.id).sort());
    expect(rest.cursor).toBeUndefined();
    expect(await (await t.app.request('/admin/subscribers/counts', admin)).json()).toEqual({
      pending: 1,
      confirmed: 3,
      unsubscribed: 0,
      suppressed: 0,
    });
    const target = made[1];
    const found = await t.app.request(
      `/admin/subscribers?email=${encodeURIComponent(` ${target?.email.toUpperCase()}`)}`,
      admin,
    );
    expect(await found.json()).toEqual({ items: [target] });
  });

  it('names the bad parameter', async () => {
    expect(
      (await problem(await t.app.request('/admin/subscribers?limit=0', admin), 422)).errors?.[0]?.pointer,
    ).toBe('/limit');
    expect(
      (await problem(await t.app.request('/admin/subscribers?status=gone', admin), 422)).errors?.[0]?.pointer,
    ).toBe('/status');
    expect(
      (await problem(await t.app.request('/admin/subscribers?email=nope', admin), 422)).errors?.[0]?.pointer,
    ).toBe('/email');
    expect(
      (await problem(await importCsv(t.app, 'email\n', 'mode=consented'), 422)).errors?.[0]?.pointer,
    ).toBe('/source');
    expect((await problem(await importCsv(t.app, 'email\n', 'mode=maybe'), 422)).errors?.[0]?.pointer).toBe(
      '/mode',
    );
    expect(
      (await problem(await importCsv(t.app, 'name\nChloé\n', 'mode=confirm'), 422)).errors?.[0]?.pointer,
    ).toBe('/columns');
    expect((await problem(await importCsv(t.app, 'email\n"broken\n', 'mode=confirm'), 422)).detail).toMatch(
      /quote/i,
    );
    const json = await t.app.request('/admin/subscribers/import?mode=confirm', {
      method: 'POST',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      body: '[]',
    });
    await problem(json, 415);
    await problem(await t.app.request('/admin/subscribers/sub_nobody', admin), 404);
    await problem(await t.app.request('/admin/subscribers/../etc', { ...admin, method: 'DELETE' }), 404);
  });

  it('imports with "send confirmation": pending addresses, one confirmation each, nothing else', async () => {
    const [a, b] = [uniqueAddress('import'), uniqueAddress('import')];
    const response = await importCsv(t.app, `email,name,language\n${a},Zoé,en\n${b},,\n`, 'mode=confirm');
    expect(await response.json()).toMatchObject({ rows: 2, created: 2, confirmationsSent: 2, invalid: [] });
    expect((await mailsTo(a as string))[0]?.subject).toMatch(/^Confirm your subscription/);
    expect((await mailsTo(b as string))[0]?.subject).toMatch(/^Confirmez/);
    expect(await t.subscribers.get(idOf(a as string))).toMatchObject({
      status: 'pending',
      name: 'Zoé',
      signUp: { source: 'import: admin import' },
    });
  });
});
