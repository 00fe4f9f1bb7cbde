import { Hono } from 'hono';
import { formatter } from '../../shared/i18n/studio/format.ts';
import { accountsView } from '../../shared/usecases/accounts/accounts-view.ts';
import { NETWORK_REGISTRY } from '../../shared/domain/social/registry.ts';
import { settingsView } from '../../shared/usecases/studio/settings-view.ts';
import { weekView } from '../../shared/usecases/studio/week-view.ts';
import type { StudioEnv } from './session.ts';
import { settingsPage } from '../../emails/studio/settings-page.tsx';
import type { StudioDeps } from './studio-deps.ts';
import type { StudioPorts } from './studio-ports.ts';
import { weekPage } from '../../emails/studio/week-page.tsx';

/** Cette semaine (`/studio`) and Réglages (`/studio/settings`): one read each, shown. */
export const overviewRoutes = (deps: StudioDeps, ports: StudioPorts) => {
  const { language, authorEmail, schedule } = deps.studio;
  const { timeZone, publicBaseUrl } = deps.settings;
  const f = formatter(language, timeZone);
  return new Hono<StudioEnv>()
    .get('/', async (c) => {
      const accounts = deps.studio.accounts;
      const [week, networks] = await Promise.all([
        weekView(ports),
        accounts ? accountsView(NETWORK_REGISTRY.rows, accounts) : undefined,
      ]);
      const on = new Set<string>(deps.settings.social.networks);
      const wontPost = networks?.filter(
        (state) => on.has(state.network) && state.account?.state !== 'connected',
      );
      const csrf = c.get('session').csrfToken;
      return c.html(
        weekPage({
          ...week,
          ...(wontPost ? { wontPost } : {}),
          language,
          f,
          csrf,
          authorEmail,
          flash: c.req.query('done'),
        }),
      );
    })
    .get('/settings', async (c) => {
      const accounts = deps.studio.accounts;
      const [settings, networks] = await Promise.all([
        settingsView(ports),
        accounts ? accountsView(NETWORK_REGISTRY.rows, accounts) : undefined,
      ]);
      const csrf = c.get('session').csrfToken;
      const connected = deps.settings.social.networks;
      const notice = { connected: c.req.query('connected'), disconnected: c.req.query('disconnected') };
      return c.html(
        settingsPage({
          ...settings,
          ...(networks ? { networks } : {}),
          notice,
          language,
          f,
          csrf,
          publicBaseUrl,
          connected,
          schedule,
          timeZone,
        }),
      );
    });
};
