import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { subscriberKey } from '../../shared/adapters/dynamodb/subscriber-item.ts';
import { dynamoSubscriberDirectory } from '../../shared/adapters/dynamodb/subscriber-directory.ts';
import { dynamoSubscriberStore } from '../../shared/adapters/dynamodb/subscriber-store.ts';
import type { EmailAddress } from '../../shared/domain/email-address.ts';
import type { SubscriberStatus } from '../../shared/domain/subscriber.ts';
import { ensureDirectory } from '../../shared/usecases/subscribers/ensure-directory.ts';
import { aSubscriber } from '../builders/subscriber.ts';
import { studioApp } from './studio-support.ts';

/** The addresses a list page links to, in page order. */
const addressesOn = (html: string) =>
  [...html.matchAll(/<td class="address"><a href="\/studio\/subscribers\/sub_[^"]+">([^<]+)<\/a>/g)].map(
    (m) => m[1],
  );
const nextLink = (html: string) =>
  /<a class="button" rel="next" href="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');

const signedIn = async () => {
  const t = await studioApp();
  const session = await t.signIn();
  const get = async (path: string) => {
    const answer = await t.app.request(path, { headers: { cookie: session.cookie } });
    return { status: answer.status, html: await answer.text() };
  };
  const post = (path: string, fields: Record<string, string>) =>
    t.app.request(path, t.form({ _csrf: session.csrf, ...fields }, session.cookie));
  return { ...t, session, get, post };
};

describe('Abonnés', () => {
  it('lists every reader in address order, fifty a page, and filters them by status', async () => {
    const t = await signedIn();
    const statuses: SubscriberStatus[] = ['confirmed', 'pending', 'unsubscribed'];
    const emails = Array.from({ length: 62 }, (_, i) => `r${String(i).padStart(2, '0')}@exemple.fr`);
    for (const [i, email] of emails.entries())
      await t.subscribers.create(
        aSubscriber({ email: email as EmailAddress, status: statuses[i % 3] as SubscriberStatus }),
      );

    const first = await t.get('/studio/subscribers');
    expect(addressesOn(first.html)).toEqual(emails.slice(0, 50));
    const second = await t.get(nextLink(first.html) ?? 'no next link');
    expect(addressesOn(second.html)).toEqual(emails.slice(50));
    expect(nextLink(second.html)).toBeUndefined();
    expect(second.html).toContain('Revenir au début');

    const pending = await t.get('/studio/subscribers?status=pending');
    expect(addressesOn(pending.html)).toEqual(emails.filter((_, i) => i % 3 === 1));
    expect(pending.html).toContain('En attente de confirmation');
  });

  it('finds a reader by any part of the address or the name, whatever the case and accents', async () => {
    const t = await signedIn();
    await t.subscribers.create(
      aSubscriber({ email: 'h.dupont@orange.fr' as EmailAddress, name: 'Hélène Dupont' }),
    );
    await t.subscribers.create(aSubscriber({ email: 'zoe@free.fr' as EmailAddress, name: 'Zoé Bénard' }));
    await t.subscribers.create(aSubscriber({ email: 'marc@orange.fr' as EmailAddress, name: 'Marc' }));

    expect(addressesOn((await t.get('/studio/subscribers?q=HELENE')).html)).toEqual(['h.dupont@orange.fr']);
    expect(addressesOn((await t.get('/studio/subscribers?q=benard')).html)).toEqual(['zoe@free.fr']);
    expect(addressesOn((await t.get('/studio/subscribers?q=Orange')).html)).toEqual([
      'h.dupont@orange.fr',
      'marc@orange.fr',
    ]);
    const none = await t.get('/studio/subscribers?q=personne');
    expect(addressesOn(none.html)).toEqual([]);
    expect(none.html).toContain('Aucun lecteur ne correspond à « personne ».');
  });

  it('finds readers written before the directory existed (an older table)', async () => {
    const t = await signedIn();
    const raw = dynamoSubscriberStore(t.doc, t.tableName);
    await raw.create(aSubscriber({ email: 'ancienne@exemple.fr' as EmailAddress, name: 'Anaïs' }));
    expect(addressesOn((await t.get('/studio/subscribers?q=anais')).html)).toEqual(['ancienne@exemple.fr']);
  });

  it('copies an older table into the directory a bounded number of records a visit, resuming where it stopped', async () => {
    const t = await signedIn();
    const raw = dynamoSubscriberStore(t.doc, t.tableName);
    const statuses: SubscriberStatus[] = ['confirmed', 'pending', 'unsubscribed'];
    for (let i = 0; i < 7; i += 1)
      await raw.create(
        aSubscriber({
          email: `vieux${i}@exemple.fr` as EmailAddress,
          status: statuses[i % 3] as SubscriberStatus,
        }),
      );
    const deps = { store: raw, directory: dynamoSubscriberDirectory(t.doc, t.tableName) };
    const visits = [];
    for (let visit = 0; visit < 10; visit += 1) {
      const state = await ensureDirectory(deps, 2);
      visits.push(state.rows);
      if (state.done) break;
    }
    // Two records a visit across the three statuses, each copied once, the fourth visit finding the end.
    expect(visits).toEqual([2, 4, 6, 7]);
    expect(addressesOn((await t.get('/studio/subscribers?q=vieux')).html)).toEqual(
      Array.from({ length: 7 }, (_, i) => `vieux${i}@exemple.fr`),
    );
  });

  it('edits a name and a language, and refuses a bad form in French without changing anything', async () => {
    const t = await signedIn();
    const reader = aSubscriber({ name: 'Chloé' });
    await t.subscribers.create(reader);

    const saved = await t.post(`/studio/subscribers/${reader.id}`, {
      name: '  Chloé Martin ',
      language: 'en',
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`/studio/subscribers/${reader.id}?done=saved`);
    expect(await t.subscribers.get(reader.id)).toMatchObject({
      name: 'Chloé Martin',
      language: 'en',
      status: 'confirmed',
    });
    expect(addressesOn((await t.get('/studio/subscribers?q=chloe martin')).html)).toEqual([reader.email]);

    const refused = await t.post(`/studio/subscribers/${reader.id}`, {
      name: 'x'.repeat(101),
      language: 'de',
    });
    expect(refused.status).toBe(422);
    const page = await refused.text();
    expect(page).toContain('Prénom : 100 caractères au plus');
    expect(page).toContain('Langue : choisissez Français ou Anglais.');
    expect(await t.subscribers.get(reader.id)).toMatchObject({ name: 'Chloé Martin', language: 'en' });

    const cleared = await t.post(`/studio/subscribers/${reader.id}`, { name: '', language: 'fr' });
    expect(cleared.status).toBe(303);
    expect(await t.subscribers.get(reader.id)).not.toHaveProperty('name');
  });

  it('unsubscribes a reader behind a confirmation, keeping the record; without the form token, nothing', async () => {
    const t = await signedIn();
    const reader = aSubscriber();
    await t.subscribers.create(reader);
    const confirm = await t.get(`/studio/subscribers/${reader.id}/unsubscribe`);
    expect(confirm.html).toContain('Désabonner ce lecteur ?');

    const forged = await t.app.request(
      `/studio/subscribers/${reader.id}/unsubscribe`,
      t.form({}, t.session.cookie),
    );
    expect(forged.status).toBe(403);
    expect((await t.subscribers.get(reader.id))?.status).toBe('confirmed');

    const done = await t.post(`/studio/subscribers/${reader.id}/unsubscribe`, {});
    expect(done.headers.get('location')).toBe(`/studio/subscribers/${reader.id}?done=unsubscribed`);
    expect(await t.subscribers.get(reader.id)).toMatchObject({ status: 'unsubscribed', email: reader.email });
    expect(addressesOn((await t.get('/studio/subscribers?status=unsubscribed')).html)).toEqual([
      reader.email,
    ]);
    expect(addressesOn((await t.get('/studio/subscribers?status=confirmed')).html)).toEqual([]);
    const again = await t.post(`/studio/subscribers/${reader.id}/unsubscribe`, {});
    expect(again.headers.get('location')).toBe(`/studio/subscribers/${reader.id}?done=already`);
  });

  it('drops an erased reader from the search and lists what remains under bounces and erasures', async () => {
    const t = await signedIn();
    const reader = aSubscriber({ email: 'efface@exemple.fr' as EmailAddress });
    await t.subscribers.create(reader);
    expect((await t.post(`/studio/subscribers/${reader.id}/erase`, {})).status).toBe(303);
    expect(addressesOn((await t.get('/studio/subscribers?q=efface')).html)).toEqual([]);
    const suppressed = await t.get('/studio/subscribers?status=suppressed');
    expect(suppressed.html).toContain('Effacé à sa demande');
    expect(suppressed.html).not.toContain('efface@exemple.fr');
  });

  it('shows a reader whose record was written by hand without its search row (the record is the truth)', async () => {
    const t = await signedIn();
    await t.get('/studio/subscribers');
    const reader = aSubscriber({ email: 'main@exemple.fr' as EmailAddress });
    await t.doc.send(
      new PutCommand({
        TableName: t.tableName,
        Item: { ...subscriberKey(reader.id), kind: 'subscriber', ...reader },
      }),
    );
    const record = await t.get(`/studio/subscribers/${reader.id}`);
    expect(record.status).toBe(200);
    expect(record.html.replaceAll('<wbr/>', '')).toContain('<h1 class="address">main@exemple.fr</h1>');
  });
});
