import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeControl } from '../../infra/local/social/fake-control.ts';
import { type LinkedInFake, startLinkedInFake } from '../../infra/local/social/linkedin/fake.ts';
import { linkedInPublisher } from '../../shared/adapters/social/linkedin/publisher.ts';
import type { TokenSet } from '../../shared/domain/accounts/oauth-provider.ts';
import { composedPost } from '../social/social-fixtures.ts';
import { accountsStudio } from '../studio/accounts-support.ts';

const PAGE = 'urn:li:organization:5515715';
const MEMBER = 'urn:li:person:mE3mbr0Dim4nche';
const choicesOf = (html: string) => [...html.matchAll(/name="choice" value="([^"]+)"/g)].map((m) => m[1]);
const holdOf = (html: string) => /name="hold" value="([^"]+)"/.exec(html)?.[1] ?? '';

let memberOnly: LinkedInFake;
let community: LinkedInFake;
beforeAll(async () => {
  memberOnly = await startLinkedInFake({ author: PAGE, communityManagement: false });
  community = await startLinkedInFake({ author: PAGE });
}, 60_000);
afterAll(async () => {
  await memberOnly?.close();
  await community?.close();
});

/** Connecter LinkedIn from Réglages, then her pick: what was kept, and the choice page she saw. */
const connectAs = async (linkedIn: LinkedInFake, pick: (choices: string[]) => string) => {
  const t = await accountsStudio({ linkedin: linkedIn.url });
  const page = await (await t.connect('linkedin')).answer.text();
  const choices = choicesOf(page) as string[];
  const chosen = await t.post('/studio/accounts/linkedin/choose', {
    hold: holdOf(page),
    choice: pick(choices),
  });
  expect(chosen.status).toBe(200);
  const stored = await t.store.get('linkedin');
  const tokens = JSON.parse(await t.sealer.open(stored?.sealed ?? '')) as TokenSet;
  return { page, choices, stored, tokens };
};

/** What the kept connection posts as, on the fake. */
const postWith = async (linkedIn: LinkedInFake, profile: Readonly<Record<string, string>>, token: string) => {
  const account = { baseUrl: linkedIn.url, author: profile.author ?? '', version: profile.version ?? '' };
  const outcome = await linkedInPublisher({ ...account, accessToken: token }).publish({
    post: composedPost('linkedin'),
    idempotencyKey: 'k',
  });
  const posts = await fakeControl(linkedIn.url).posts<{ author: string }>();
  return { outcome, authors: posts.map((post) => post.author) };
};

describe('Connecter LinkedIn, by what the operator’s app may do', () => {
  it('without the Community Management API: herself only, the page saying why, and posts as her', async () => {
    const { page, choices, stored, tokens } = await connectAs(memberOnly, ([first]) => first ?? '');
    expect(choices).toEqual([MEMBER]);
    expect(page).toContain('Publier au nom d’une page LinkedIn demande');
    expect(page).toContain('Community Management');
    expect(stored).toMatchObject({ label: 'Dimanche', state: 'connected', canRefresh: false });
    expect(stored?.profile).toMatchObject({ author: MEMBER });
    const { outcome, authors } = await postWith(memberOnly, stored?.profile ?? {}, tokens.accessToken);
    expect(outcome).toMatchObject({ kind: 'published' });
    expect(authors).toEqual([MEMBER]);
  });

  it('with it: herself or the page she administers, and posts as the page she picked', async () => {
    const { page, choices, stored, tokens } = await connectAs(community, () => PAGE);
    expect(choices).toEqual([MEMBER, PAGE]);
    expect(page).not.toContain('Community Management');
    expect(stored?.profile).toMatchObject({ author: PAGE });
    const { outcome, authors } = await postWith(community, stored?.profile ?? {}, tokens.accessToken);
    expect(outcome).toMatchObject({ kind: 'published' });
    expect(authors).toEqual([PAGE]);
  });
});
