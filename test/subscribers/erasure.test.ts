import { beforeEach, describe, expect, it } from 'vitest';
import { mailsTo } from '../support/mail-store.ts';
import { admin, testApp } from '../support/test-app.ts';
import { idOf, importCsv, signUpJson, type TestApp, uniqueAddress } from './support.ts';

let t: TestApp;
beforeEach(async () => {
  t = await testApp();
});

describe('erasure', () => {
  it('keeps only the suppression, so a re-import brings nothing back and mails nothing', async () => {
    const email = uniqueAddress('forget');
    await importCsv(t.app, `email,name\n${email},Chloé Martin\n`, 'mode=consented&source=blog%202024');
    const id = idOf(email);
    expect(await t.subscribers.get(id)).toMatchObject({
      status: 'confirmed',
      consent: { source: 'import: blog 2024' },
    });

    expect((await t.app.request(`/admin/subscribers/${id}`, { ...admin, method: 'DELETE' })).status).toBe(
      204,
    );
    const items = await t.itemsOf(`SUBSCRIBER#${id}`);
    expect(JSON.stringify(items)).not.toMatch(/forget|Chloé|blog 2024/);
    const exported = await (await t.app.request(`/admin/subscribers/${id}`, admin)).json();
    expect(exported).toEqual({
      exportedAt: '2026-11-24T10:00:00.000Z',
      subscriber: { id, status: 'suppressed', reason: 'erased', suppressedAt: '2026-11-24T10:00:00.000Z' },
    });

    for (const mode of ['mode=consented&source=old%20list', 'mode=confirm']) {
      const report = await (await importCsv(t.app, `email\n${email.toUpperCase()}\n`, mode)).json();
      expect(report).toMatchObject({ rows: 1, created: 0, suppressed: 1, confirmationsSent: 0 });
    }
    expect(await mailsTo(email)).toEqual([]);
    expect((await t.subscribers.get(id))?.status).toBe('suppressed');
  });

  it('takes a new opt-in through the form after an erasure, and only a confirmation is sent', async () => {
    const email = uniqueAddress('back');
    await t.subscribers.suppress(idOf(email), 'erased', '2026-11-01T00:00:00.000Z');
    expect((await signUpJson(t, { email })).status).toBe(202);
    expect((await mailsTo(email)).map((m) => m.subject)).toEqual([
      'Confirmez votre abonnement à Online Sunday Morning Sound',
    ]);
    expect((await t.subscribers.get(idOf(email)))?.status).toBe('pending');
  });
});
