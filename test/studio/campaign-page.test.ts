import { describe, expect, it } from 'vitest';
import { dynamoCampaignStore } from '../../shared/adapters/dynamodb/campaign-store.ts';
import { dynamoSocialStore } from '../../shared/adapters/dynamodb/social-store.ts';
import type { Campaign } from '../../shared/domain/campaign.ts';
import type { SocialAttempt } from '../../shared/domain/social/social-attempt.ts';
import { anIssue } from '../builders/issue.ts';
import { studioApp } from './studio-support.ts';

const campaign: Campaign = {
  id: 'cmp_34',
  issueId: 'iss_34',
  revision: 1,
  status: 'done',
  startedAt: '2026-11-29T08:00:00.000Z',
  finishedAt: '2026-11-29T08:01:00.000Z',
  batches: 0,
  audience: 0,
  dispatched: true,
};

const attempt = (over: Partial<SocialAttempt> & Pick<SocialAttempt, 'network' | 'state'>): SocialAttempt => ({
  issueId: 'iss_34',
  attempts: 1,
  version: 1,
  updatedAt: '2026-11-29T08:00:30.000Z',
  ...over,
});

/** The page's list item for one network, as text with its links. */
const itemOf = (html: string, network: string) =>
  new RegExp(`<li data-network="${network}">(.*?)</li>`, 's').exec(html)?.[1] ?? '';

describe('Envois: one campaign', () => {
  it('shows each network’s post: the link when posted, why in French when refused or skipped', async () => {
    const t = await studioApp({}, { SOCIAL_NETWORKS: 'mastodon,bluesky,linkedin' });
    await t.issues.saveRevision(anIssue(), undefined);
    await dynamoCampaignStore(t.doc, t.tableName).create(campaign);
    const social = dynamoSocialStore(t.doc, t.tableName);
    await social.save(
      attempt({ network: 'mastodon', state: 'published', postUrl: 'https://mastodon.example/@a/1' }),
    );
    await social.save(attempt({ network: 'bluesky', state: 'failed', detail: 'HTTP 400 InvalidRequest' }));
    await social.save(
      attempt({ network: 'x', state: 'skipped', detail: 'no account configured for this network' }),
    );
    await social.save(attempt({ network: 'linkedin', state: 'needs_reconnect', detail: 'token revoked' }));
    const { cookie } = await t.signIn();
    const html = await (await t.app.request('/studio/campaigns/34', { headers: { cookie } })).text();

    expect(itemOf(html, 'mastodon')).toContain('<a href="https://mastodon.example/@a/1">Voir l’annonce</a>');
    expect(itemOf(html, 'mastodon')).toContain('Publiée');
    expect(itemOf(html, 'bluesky')).toContain('Bluesky a refusé l’annonce : elle n’a pas été publiée.');
    expect(itemOf(html, 'bluesky')).toContain('HTTP 400 InvalidRequest');
    expect(itemOf(html, 'x')).toContain('Aucun compte X n’est configuré.');
    expect(itemOf(html, 'linkedin')).toContain('LinkedIn a refusé l’accès au compte : reconnectez-le');
    expect(itemOf(html, 'facebook')).toContain('Aucun compte configuré : rien n’a été publié ici.');
  });

  it('says why each chart is empty instead of drawing nothing', async () => {
    const t = await studioApp();
    await t.issues.saveRevision(anIssue(), undefined);
    await dynamoCampaignStore(t.doc, t.tableName).create(campaign);
    const { cookie } = await t.signIn();
    const html = await (await t.app.request('/studio/campaigns/34', { headers: { cookie } })).text();
    expect(html).toContain('Aucun e-mail parti pour l’instant.');
    expect(html.match(/Aucun clic pour l’instant : les clics des lecteurs/g)).toHaveLength(2);
    expect(html).not.toContain('class="bar-row"');
    const list = await (await t.app.request('/studio/campaigns', { headers: { cookie } })).text();
    expect(list).toContain('Aucun abonné confirmé sur ces huit semaines.');
    expect(list).toContain('Aucun clic sur ces numéros pour l’instant.');
  });
});
