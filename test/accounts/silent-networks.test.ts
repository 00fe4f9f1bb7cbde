import { describe, expect, it } from 'vitest';
import { authorMailRenderer } from '../../emails/author-mail.ts';
import { memoryConnectedAccounts } from '../../shared/adapters/memory/connected-account-store.ts';
import type { ConnectedAccount } from '../../shared/domain/accounts/connected-account.ts';
import { noticeIssue } from '../../shared/ports/author-notices.ts';
import { silentNetworks } from '../../shared/usecases/accounts/silent-networks.ts';
import { anIssue } from '../builders/issue.ts';

const SEND_AT = new Date('2026-11-29T08:00:00Z');
const account = (provider: string, rest: Partial<ConnectedAccount> = {}): ConnectedAccount => ({
  provider,
  label: provider,
  state: 'connected',
  sealed: 'sealed',
  canRefresh: false,
  connectedAt: '2026-10-01T08:00:00Z',
  version: 1,
  ...rest,
});

describe('the networks that will not post tomorrow', () => {
  it('are the ones not connected, to reconnect, or whose token dies before the send and cannot be refreshed', async () => {
    const accounts = memoryConnectedAccounts();
    await accounts.put(account('mastodon'), undefined);
    await accounts.put(
      account('x', { canRefresh: true, accessExpiresAt: '2026-11-28T20:00:00Z' }),
      undefined,
    );
    await accounts.put(account('linkedin', { accessExpiresAt: '2026-11-29T07:00:00Z' }), undefined);
    await accounts.put(account('facebook', { state: 'to_reconnect' }), undefined);
    await accounts.put(account('threads', { accessExpiresAt: '2026-12-20T08:00:00Z' }), undefined);
    const networks = ['mastodon', 'bluesky', 'x', 'linkedin', 'facebook', 'threads'] as const;
    expect(await silentNetworks(networks, accounts, SEND_AT)).toEqual([
      { network: 'bluesky', why: 'not_connected' },
      { network: 'linkedin', why: 'expires' },
      { network: 'facebook', why: 'to_reconnect' },
    ]);
  });

  it('are named by brand in the eve reminder, in French, with what to do', () => {
    const fr = authorMailRenderer({
      language: 'fr',
      timeZone: 'Europe/Paris',
      publicBaseUrl: 'https://newsletter.example.org',
    });
    const mail = fr({
      kind: 'eve_reminder',
      issue: noticeIssue(anIssue()),
      at: '2026-11-28T08:00:00.000Z',
      sendAt: SEND_AT.toISOString(),
      audience: 12,
      warnings: [],
      silentNetworks: [
        { network: 'linkedin', why: 'to_reconnect' },
        { network: 'bluesky', why: 'not_connected' },
      ],
    });
    expect(mail.text).toContain('2 réseaux ne publieront pas l’annonce\u00a0:');
    expect(mail.text).toContain('– LinkedIn\u00a0: à reconnecter («\u00a0Reconnecter\u00a0» dans Réglages)');
    expect(mail.text).toContain('– Bluesky\u00a0: non connecté («\u00a0Connecter\u00a0» dans Réglages)');
    expect(mail.html).toContain('LinkedIn');
  });
});
