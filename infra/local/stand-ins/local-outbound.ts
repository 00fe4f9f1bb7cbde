import { guardedFetch } from '../../../shared/adapters/http/guarded-fetch.ts';
import { StandIns } from '../../../shared/adapters/http/stand-ins.ts';
import type { OutboundFetch } from '../../../shared/ports/outbound-fetch.ts';
import { fakeWebRoute } from './music/fake-web.ts';

/**
 * The guarded client on one machine: the stand-ins this process started (their base URLs, each on 127.0.0.1)
 * are the only loopback addresses it reaches, and with `web`, any web address by name is asked of the fake
 * web instead. The list is built here in code from the servers started, never from a setting.
 */
export const localOutbound = ({
  standIns,
  web,
}: {
  standIns: readonly string[];
  web?: string;
}): OutboundFetch =>
  guardedFetch({
    standIns: new StandIns(web ? [...standIns, web] : standIns, web ? fakeWebRoute(web) : undefined),
  });
