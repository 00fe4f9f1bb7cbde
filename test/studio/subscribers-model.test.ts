import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchForm } from '../../shared/domain/search-text.ts';
import type { EmailAddress } from '../../shared/domain/email-address.ts';
import type { Language } from '../../shared/domain/issue.ts';
import type { SubscriberId } from '../../shared/domain/subscriber.ts';
import { aSubscriber } from '../builders/subscriber.ts';
import { studioApp } from './studio-support.ts';

/** What the author should see of a reader: the model keeps nothing else. */
type Reader = {
  email: string;
  name?: string;
  language: Language;
  status: 'confirmed' | 'pending' | 'unsubscribed';
};
type Model = Map<SubscriberId, Reader>;
type Real = Awaited<ReturnType<typeof session>>;

const RUNS = Number(process.env.STUDIO_MODEL_RUNS ?? 8);
const FILTERS = ['all', 'confirmed', 'pending', 'unsubscribed'] as const;
const NAMES = ['Hélène', 'helene', 'Zoé Bénard', 'Éloïse', 'Marc', undefined];

const session = async () => {
  const t = await studioApp();
  const { cookie, csrf } = await t.signIn();
  const post = (path: string, fields: Record<string, string>) =>
    t.app.request(path, t.form({ _csrf: csrf, ...fields }, cookie));
  const get = async (path: string) => (await t.app.request(path, { headers: { cookie } })).text();
  return { t, post, get };
};

const idOf = (email: string) => `sub_m${Buffer.from(email).toString('hex')}` as SubscriberId;
const pick = (model: Model, n: number) => [...model.keys()][n % Math.max(1, model.size)];

/** Every page of a list, following "Suivants", as the addresses shown. */
const listAll = async (real: Real, url: string) => {
  const shown: string[] = [];
  for (let next: string | undefined = url; next;) {
    const html = await real.get(next);
    shown.push(
      ...[...html.matchAll(/<td class="address"><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1] as string),
    );
    next = /rel="next" href="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
  }
  return shown;
};

class Add implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly email: string,
    readonly name: string | undefined,
    readonly status: Reader['status'],
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const id = idOf(this.email);
    const { name: _builderName, ...unnamed } = aSubscriber({
      id,
      email: this.email as EmailAddress,
      status: this.status,
    });
    const created = await real.t.subscribers.create(this.name ? { ...unnamed, name: this.name } : unnamed);
    expect(created).toBe(!model.has(id) && !(await isSuppressed(real, id)));
    if (created)
      model.set(id, {
        email: this.email,
        ...(this.name ? { name: this.name } : {}),
        language: 'fr',
        status: this.status,
      });
  }
  toString = () => `add(${this.email}, ${this.name}, ${this.status})`;
}

const suppressed = new WeakMap<Real, Set<string>>();
const isSuppressed = async (real: Real, id: SubscriberId) => suppressed.get(real)?.has(id) ?? false;
const markSuppressed = (real: Real, id: SubscriberId) =>
  suppressed.set(real, new Set([...(suppressed.get(real) ?? []), id]));

class Edit implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly n: number,
    readonly name: string | undefined,
    readonly language: Language,
  ) {}
  check = (model: Readonly<Model>) => model.size > 0;
  async run(model: Model, real: Real) {
    const id = pick(model, this.n) as SubscriberId;
    const answer = await real.post(`/studio/subscribers/${id}`, {
      name: this.name ?? '',
      language: this.language,
    });
    expect(answer.status).toBe(303);
    const { name: _old, ...rest } = model.get(id) as Reader;
    model.set(id, { ...rest, ...(this.name ? { name: this.name } : {}), language: this.language });
  }
  toString = () => `edit(#${this.n}, ${this.name}, ${this.language})`;
}

class Unsubscribe implements fc.AsyncCommand<Model, Real> {
  constructor(readonly n: number) {}
  check = (model: Readonly<Model>) => model.size > 0;
  async run(model: Model, real: Real) {
    const id = pick(model, this.n) as SubscriberId;
    const answer = await real.post(`/studio/subscribers/${id}/unsubscribe`, {});
    const before = model.get(id) as Reader;
    expect(answer.headers.get('location')).toContain(
      before.status === 'unsubscribed' ? 'done=already' : 'done=unsubscribed',
    );
    model.set(id, { ...before, status: 'unsubscribed' });
  }
  toString = () => `unsubscribe(#${this.n})`;
}

/** The studio's erasure, or a hard bounce reported by SES: either way the address leaves for good. */
class Remove implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly n: number,
    readonly how: 'erase' | 'bounce',
  ) {}
  check = (model: Readonly<Model>) => model.size > 0;
  async run(model: Model, real: Real) {
    const id = pick(model, this.n) as SubscriberId;
    if (this.how === 'erase')
      expect((await real.post(`/studio/subscribers/${id}/erase`, {})).status).toBe(303);
    else await real.t.subscribers.suppress(id, 'hard_bounce', real.t.clock.now().toISOString());
    model.delete(id);
    markSuppressed(real, id);
  }
  toString = () => `${this.how}(#${this.n})`;
}

class Search implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly text: string,
    readonly filter: (typeof FILTERS)[number],
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const query = new URLSearchParams({ q: this.text, status: this.filter }).toString();
    const expected = [...model.values()]
      .filter((r) => this.filter === 'all' || r.status === this.filter)
      .filter((r) => searchForm(`${r.email} ${r.name ?? ''}`).includes(searchForm(this.text)))
      .map((r) => r.email)
      .sort();
    expect(await listAll(real, `/studio/subscribers?${query}`)).toEqual(expected);
  }
  toString = () => `search(${JSON.stringify(this.text)}, ${this.filter})`;
}

const emails = fc
  .tuple(
    fc.constantFrom('ana', 'bea', 'h.dupont', 'zoe', 'marc'),
    fc.nat(3),
    fc.constantFrom('orange.fr', 'free.fr'),
  )
  .map(([local, n, domain]) => `${local}${n}@${domain}`);

const commands = [
  fc
    .tuple(
      emails,
      fc.constantFrom(...NAMES),
      fc.constantFrom('confirmed', 'pending', 'unsubscribed') as fc.Arbitrary<Reader['status']>,
    )
    .map(([email, name, status]) => new Add(email, name, status)),
  fc
    .tuple(fc.nat(), fc.constantFrom(...NAMES), fc.constantFrom<Language>('fr', 'en'))
    .map(([n, name, language]) => new Edit(n, name, language)),
  fc.nat().map((n) => new Unsubscribe(n)),
  fc
    .tuple(fc.nat(), fc.constantFrom('erase', 'bounce') as fc.Arbitrary<'erase' | 'bounce'>)
    .map(([n, how]) => new Remove(n, how)),
  fc
    .tuple(
      fc.constantFrom('', 'HELENE', 'bénard', 'orange', 'zoe1', 'o', '.fr', 'eloise', 'nobody'),
      fc.constantFrom(...FILTERS),
    )
    .map(([text, filter]) => new Search(text, filter)),
];

describe('Abonnés under random sequences of the author’s and the readers’ changes', () => {
  it('always lists and finds exactly the readers a simple model holds, in address order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 16 }), async (cmds) => {
        const real = await session();
        await fc.asyncModelRun(
          () => ({ model: new Map() as Model, real }),
          [
            ...cmds,
            // At the end, every list and a search by name: a stale row anywhere shows here.
            ...FILTERS.map((filter) => new Search('', filter)),
            new Search('helene', 'all'),
          ],
        );
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
