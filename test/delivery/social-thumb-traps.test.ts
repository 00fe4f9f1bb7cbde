import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJsonLogger } from '../../shared/adapters/log/json-logger.ts';
import { socialAccountsFor } from '../../shared/adapters/social/social-accounts-for.ts';
import { localOutbound } from '../../infra/local/stand-ins/local-outbound.ts';
import { type FakeWeb, startFakeWeb } from '../../infra/local/stand-ins/music/fake-web.ts';
import {
  loopbackSpellings,
  startTrapListener,
  type TrapListener,
} from '../../infra/local/stand-ins/music/trap-listener.ts';
import { startBlueskyFake } from '../../infra/local/social/bluesky-fake.ts';
import { fakeControl } from '../../infra/local/social/fake-control.ts';
import type { FakeNetwork } from '../../infra/local/social/fake-network.ts';
import { loopbackOnlyFetch } from '../../infra/local/social/loopback-fetch.ts';
import { memoryIssueStore } from '../../shared/adapters/memory/issue-store.ts';
import { memorySocialStore } from '../../shared/adapters/memory/social-store.ts';
import type { Issue } from '../../shared/domain/issue.ts';
import type { ComposedPost } from '../../shared/domain/social/social-post.ts';
import { publishSocial } from '../../shared/usecases/social/publish-social.ts';
import { anIssue } from '../builders/issue.ts';
import { recordAuthorMails } from '../support/author-mails.ts';

const PASSWORD = 'abcd-efgh-ijkl-mnop';
let bluesky: FakeNetwork;
let web: FakeWeb;
let loopback: TrapListener;
let second: TrapListener;
beforeAll(async () => {
  [bluesky, web, loopback, second] = await Promise.all([
    startBlueskyFake({ appPassword: PASSWORD }),
    startFakeWeb(),
    startTrapListener({ hosts: ['127.0.0.1', '::1'] }),
    startTrapListener({ hosts: ['127.0.0.2'] }),
  ]);
});
afterAll(() => Promise.all([bluesky.close(), web.close(), loopback.close(), second.close()]));

/** The card as the composer makes it: the issue's cover is its thumbnail (compose-source.ts). */
const compose = (issue: Issue): ComposedPost => {
  const url = `https://newsletter.example.org/archive/${issue.slug}`;
  return {
    network: 'bluesky',
    text: `${issue.title} ${url}`,
    length: { unit: 'graphemes', count: 10, limit: 300 },
    url,
    card: { url, title: issue.title, description: '', ...(issue.cover ? { thumbUrl: issue.cover.url } : {}) },
    language: 'fr',
  };
};

describe('the social worker’s Bluesky card', () => {
  it('never fetches its thumbnail from a loopback trap, in any spelling or after a redirect, and still posts', async () => {
    const issues = memoryIssueStore();
    await web.control.redirect('https://blog.example/lavande.jpg', `${second.url}/redirected-cover.jpg`, 302);
    const covers = [
      ...loopbackSpellings(loopback.port).map((url) => `${url}cover.jpg`),
      `${second.url}/cover.jpg`,
      'https://blog.example/lavande.jpg',
    ];
    const deps = {
      issues,
      social: memorySocialStore(),
      // As `npm start` wires the worker: the fake networks by the loopback fetch, card thumbnails by the guarded
      // client whose only web is the fake web.
      accounts: socialAccountsFor(
        { bluesky: { baseUrl: bluesky.url, identifier: 'dimanche.bsky.social', appPassword: PASSWORD } },
        { fetch: loopbackOnlyFetch, bluesky: { thumbs: localOutbound({ standIns: [], web: web.url }) } },
      ),
      compose,
      author: recordAuthorMails().author,
      clock: { now: () => new Date('2026-11-29T08:00:00Z') },
      logger: createJsonLogger({ service: 'test', level: 'silent' }),
      leaseMs: 30_000,
    };
    for (const [index, url] of covers.entries()) {
      const issue = anIssue({ series: 40 + index, status: 'sending', cover: { url, alt: 'Lavande' } });
      await issues.saveRevision(issue, undefined);
      expect(await publishSocial({ issueId: issue.id, network: 'bluesky' }, deps), url).toEqual({ ok: true });
    }
    const posts = await fakeControl(bluesky.url).posts<{
      value: { embed: { external: { thumb?: unknown } } };
    }>();
    expect(posts).toHaveLength(covers.length);
    expect(posts.filter((post) => post.value.embed.external.thumb !== undefined)).toEqual([]);
    expect(loopback.connections()).toBe(0);
    expect(second.connections()).toBe(0);
  });
});
