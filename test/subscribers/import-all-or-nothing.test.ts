import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../functions/app-deps.ts';
import { withProblems } from '../../functions/http/with-problems.ts';
import { createJsonLogger } from '../../shared/adapters/log/json-logger.ts';
import { adminSubscriberImportRoutes } from '../../functions/routes/admin-subscriber-import.ts';
import type { SubscriberContext } from '../../functions/subscribers/subscriber-context.ts';
import { hmacSubscriberIds } from '../../shared/adapters/crypto/hmac-subscriber-ids.ts';
import { jwsLinkTokens } from '../../shared/adapters/crypto/jws-link-tokens.ts';
import {
  ImportInterruptedError,
  importSubscribers,
  type ParsedRow,
} from '../../shared/usecases/subscribers/import-subscribers.ts';
import type { EmailAddress } from '../../shared/domain/email-address.ts';
import { studioApp } from '../studio/studio-support.ts';
import { mailsTo } from '../support/mail-store.ts';
import { LINK_KEY, SUBSCRIBER_ID_KEY } from '../support/signed-request.ts';
import { subscriberDeps } from '../support/subscriber-deps.ts';
import { admin, BASE_URL } from '../support/test-app.ts';
import { idOf, importCsv, uniqueAddress } from './support.ts';

type Studio = Awaited<ReturnType<typeof studioApp>>;

/** Three readers, the third on line 4 opening a quote it never closes: the file the author met. */
const brokenLastLine = () => {
  const readers = [uniqueAddress('lea'), uniqueAddress('marc'), uniqueAddress('sam')];
  return { readers, csv: `email,name\n${readers[0]},Léa\n${readers[1]},Marc\n${readers[2]},"Sam\n` };
};

const expectUntouched = async (t: Studio, readers: string[]) => {
  for (const address of readers) {
    expect(await t.subscribers.get(idOf(address))).toBeUndefined();
    expect(await mailsTo(address)).toEqual([]);
  }
  const counts = await (await t.app.request('/admin/subscribers/counts', admin)).json();
  expect(counts).toEqual({ pending: 0, confirmed: 0, unsubscribed: 0, suppressed: 0 });
};

describe('an import of a file that cannot be parsed', () => {
  let t: Studio;
  let session: { cookie: string; csrf: string };
  beforeAll(async () => {
    t = await studioApp();
    session = await t.signIn();
  });

  const studioImport = (csv: string | undefined, mode: 'confirm' | 'consented') => {
    const body = new FormData();
    body.set('_csrf', session.csrf);
    body.set('mode', mode);
    body.set('source', 'salon');
    if (csv !== undefined) body.set('file', new File([csv], 'lecteurs.csv', { type: 'text/csv' }));
    return t.app.request('/studio/subscribers/import', {
      method: 'POST',
      headers: { cookie: session.cookie },
      body,
    });
  };

  it('through the admin API: a 422 problem naming the line and column, nothing written, no one mailed', async () => {
    for (const mode of ['mode=confirm', 'mode=consented&source=salon']) {
      const { readers, csv } = brokenLastLine();
      const response = await importCsv(t.app, csv, mode);
      expect(response.status).toBe(422);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await response.json()).toMatchObject({
        type: 'https://dimanche.dev/problems/invalid-csv',
        line: 4,
        detail:
          'line 4, column name: a quote opens a field and is never closed. Nothing was imported and no one was mailed.',
        errors: [{ pointer: '/line/4/name' }],
      });
      await expectUntouched(t, readers);
    }
  });

  it('through the studio: a French page in the studio layout naming the line and what to do; nothing written', async () => {
    for (const mode of ['confirm', 'consented'] as const) {
      const { readers, csv } = brokenLastLine();
      const response = await studioImport(csv, mode);
      expect(response.status).toBe(422);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const page = await response.text();
      expect(page).toContain('<html lang="fr">');
      expect(page).toContain('href="/studio/subscribers" aria-current="page"');
      expect(page).toContain('<h1>Fichier non importé</h1>');
      expect(page).toContain(
        'Ligne 4\u00a0: des guillemets s’ouvrent dans la colonne name et ne se ferment jamais. Rien n’a été importé et personne n’a reçu d’e-mail.',
      );
      expect(page).toContain('ajoutez le guillemet fermant à la ligne 4');
      await expectUntouched(t, readers);
    }
  });

  it('through the studio without a file, or with an empty one: a French page saying what to do', async () => {
    const none = await studioImport(undefined, 'confirm');
    expect(none.status).toBe(422);
    expect(await none.text()).toContain('Choisissez un fichier CSV');
    const empty = await studioImport('', 'confirm');
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('Le fichier est vide.');
  });
});

describe('an import with some bad rows, in the studio', () => {
  let t: Studio;
  let session: { cookie: string; csrf: string };
  beforeAll(async () => {
    t = await studioApp();
    session = await t.signIn();
  });

  const upload = async (csv: string) => {
    const body = new FormData();
    body.set('_csrf', session.csrf);
    body.set('mode', 'confirm');
    body.set('file', new File([csv], 'lecteurs.csv', { type: 'text/csv' }));
    const response = await t.app.request('/studio/subscribers/import', {
      method: 'POST',
      headers: { cookie: session.cookie },
      body,
    });
    expect(response.status).toBe(200);
    return response.text();
  };

  it('imports and mails the good rows and lists each bad one by its line, in French with plurals', async () => {
    const [a, b] = [uniqueAddress('lea'), uniqueAddress('marc')];
    const one = await upload(`email,language\n${a},fr\nzoé@,fr\n`);
    expect(one).toContain('2 lignes lues, 1 abonné ajouté, 0 déjà présent, 0 doublon, 0 adresse bloquée.');
    expect(one).toContain('1 e-mail de confirmation est parti.');
    expect(one).toContain('<h2>1 ligne refusée</h2>');
    // One refused line is not "these lines".
    expect(one).toContain('Corrigez le fichier, puis importez-le à nouveau');
    expect(one).not.toContain('ces lignes');
    expect(one).toContain(
      '<li><strong>Ligne 3, colonne email\u00a0:</strong> «\u00a0zoé@\u00a0» n’est pas une adresse e-mail.</li>',
    );
    expect(await mailsTo(a)).toHaveLength(1);

    // A name on two lines pushes every later row a line down, as her editor shows the file.
    const three = await upload(
      `email,name,language\n${a},Léa,fr\n${b},"Marc\nAntoine",fr\n,Sans adresse,fr\n${uniqueAddress()},Zoé,de\n`,
    );
    expect(three).toContain('4 lignes lues, 0 abonné ajouté, 1 déjà présent');
    expect(three).toContain('Aucun e-mail de confirmation n’est parti.');
    expect(three).toContain('<h2>3 lignes refusées</h2>');
    expect([...three.matchAll(/<li><strong>Ligne (\d+),/g)].map((m) => Number(m[1]))).toEqual([3, 5, 6]);
    expect(await mailsTo(a)).toHaveLength(1);
  });
});

describe('an import the store fails midway', () => {
  const failingDeps = async (t: Studio, failAt: number) => {
    let creates = 0;
    const store = {
      ...t.subscribers,
      create: async (subscriber: Parameters<typeof t.subscribers.create>[0]) => {
        creates += 1;
        if (creates === failAt) throw new Error('ProvisionedThroughputExceededException');
        return t.subscribers.create(subscriber);
      },
    };
    return {
      ...subscriberDeps(t.doc, t.tableName, BASE_URL),
      store,
      ids: hmacSubscriberIds(SUBSCRIBER_ID_KEY),
      tokens: jwsLinkTokens([LINK_KEY], () => t.clock.now()),
      clock: t.clock,
    };
  };

  it('answers the admin API with a 503 that says which lines were written', async () => {
    const t = await studioApp();
    const deps = await failingDeps(t, 3);
    // The route alone, on the app's own error handler, with a store that fails on its third write.
    const app = withProblems(
      new Hono().route(
        '/import',
        adminSubscriberImportRoutes(
          {
            settings: { defaultLanguage: 'fr' },
            logger: createJsonLogger({ service: 't', level: 'silent' }),
          } as AppDeps,
          { useCaseDeps: async () => deps } as unknown as SubscriberContext,
        ),
      ),
      { logger: createJsonLogger({ service: 't', level: 'silent' }) },
    );
    const readers = [uniqueAddress('panne'), uniqueAddress('panne')];
    const response = await app.request('/import?mode=consented&source=x', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: `email\n${readers[0]}\n${readers[1]}\nthird@exemple.fr\n`,
    });
    expect(response.status).toBe(503);
    const problem = (await response.json()) as { detail: string; written: unknown };
    expect(problem.written).toEqual({ created: 2, lines: '2-3' });
    expect(problem.detail).toBe(
      'A storage failure stopped the import after 2 new subscribers (lines 2-3). Run the same import again: those are kept as they are and get no second mail.',
    );
    for (const address of readers) expect(await t.subscribers.get(idOf(address))).toBeDefined();
  });

  it('throws what was written: the count and the lines of the readers created before the failure', async () => {
    const t = await studioApp();
    const deps = await failingDeps(t, 5);
    const addresses = Array.from({ length: 40 }, () => uniqueAddress('panne'));
    const rows: ParsedRow[] = addresses.map((email, i) => ({
      line: i + 2,
      ok: true,
      row: { email: email as EmailAddress, language: 'fr', paused: false },
    }));
    const error = await importSubscribers({ ok: true, rows }, { kind: 'consented', source: 'x' }, deps).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportInterruptedError);
    const { report, createdLines } = error as ImportInterruptedError;
    const stored = [];
    for (const [i, address] of addresses.entries())
      if (await t.subscribers.get(idOf(address))) stored.push(i + 2);
    expect(createdLines).toEqual(stored);
    expect(report.created).toBe(stored.length);
    // The failure stops the loop: at most the writes already in flight finished after it.
    expect(stored.length).toBeLessThan(addresses.length);
  });
});
