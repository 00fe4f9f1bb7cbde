import { Hono } from 'hono';
import { formatter } from '../../shared/i18n/studio/format.ts';
import { studioStrings } from '../../shared/i18n/studio/studio-strings.ts';
import {
  campaignList,
  campaignPage,
  campaignProgressOf,
} from '../../shared/usecases/studio/campaign-views.ts';
import { HttpProblem } from '../http/problem.ts';
import { campaignListPage, campaignPageView } from '../../emails/studio/campaign-pages.tsx';
import { progressJson } from '../../shared/usecases/studio/campaign-progress-json.ts';
import type { StudioEnv } from './session.ts';
import type { StudioDeps } from './studio-deps.ts';
import type { StudioPorts } from './studio-ports.ts';

const noCampaign = (raw: string) =>
  new HttpProblem(404, 'campaign-not-found', 'No such campaign', `Issue #${raw.slice(0, 12)} has no send.`);

/** Envois: every campaign, and one campaign's live progress (as a page, and as JSON for its script). */
export const campaignRoutes = (deps: StudioDeps, ports: StudioPorts) => {
  const { language } = deps.studio;
  const t = studioStrings(language);
  const f = formatter(language, deps.settings.timeZone);
  return new Hono<StudioEnv>()
    .get('/', async (c) =>
      c.html(
        campaignListPage({ language, f, csrf: c.get('session').csrfToken, ...(await campaignList(ports)) }),
      ),
    )
    .get('/:number/progress', async (c) => {
      const progress = await campaignProgressOf(ports, c.req.param('number'));
      if (!progress) throw noCampaign(c.req.param('number'));
      return c.json(progressJson(progress, t, f));
    })
    .get('/:number', async (c) => {
      const page = await campaignPage(ports, c.req.param('number'), f);
      if (!page) throw noCampaign(c.req.param('number'));
      const csrf = c.get('session').csrfToken;
      return c.html(
        campaignPageView({ language, f, csrf, connected: deps.settings.social.networks, ...page }),
      );
    });
};
