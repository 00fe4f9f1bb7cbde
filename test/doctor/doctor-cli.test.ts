import { execFile } from 'node:child_process';
import type { Server } from 'node:http';
import type { Socket } from 'node:dgram';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startAccountFake } from '../../infra/local/account/account-fake.ts';
import {
  type FakeAccountState,
  healthyAccount,
  healthyZone,
} from '../../infra/local/account/account-state.ts';
import { startDnsStub } from '../../infra/local/account/dns-stub.ts';

// Issue 23: `npm run doctor` against local stand-ins of SES v2, Lambda, Secrets Manager and the DNS: one line a
// check, exit 0 when the Sunday can go, non-zero with what to do when it cannot.

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const DOMAIN = 'dimanche.blog.fr';
const REGION = 'eu-west-3';
const open: { close: () => void }[] = [];
afterAll(() => open.forEach((o) => o.close()));

const filledSecret = JSON.stringify({
  webhookSecrets: ['whsec_x'],
  adminTokens: ['t'],
  linkKeys: [{ id: 'k1', secret: 's' }],
  subscriberIdKey: 'k',
});

/** The doctor run against an account and a zone each test shapes from the healthy ones. */
const doctor = async (
  shape: (state: FakeAccountState, zone: ReturnType<typeof healthyZone>) => void = () => {},
  audience = 1200,
) => {
  const state = healthyAccount(DOMAIN);
  state.secrets['app-secret'] = filledSecret;
  const zone = healthyZone(DOMAIN, REGION);
  shape(state, zone);
  const fake = await startAccountFake(state);
  const dns = await startDnsStub(zone);
  open.push(
    { close: () => (fake.server as Server).close() },
    { close: () => (dns.socket as Socket).close() },
  );
  const env = {
    ...process.env,
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_SESV2: fake.url,
    AWS_ENDPOINT_URL_LAMBDA: fake.url,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: fake.url,
    DOCTOR_DNS_SERVERS: dns.server,
    SEND_RATE: '',
  };
  const args = [
    'tsx',
    'infra/doctor/cli.ts',
    '-c',
    `senderAddress=sunday@${DOMAIN}`,
    '-c',
    `operatorEmail=ops@${DOMAIN}`,
  ];
  args.push('--secret', 'app-secret', '--audience', String(audience), '--outputs', '/nonexistent');
  return new Promise<{ code: number; lines: string[] }>((resolve) => {
    execFile('npx', args, { cwd: repoRoot, env }, (error, stdout) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, lines: stdout.trim().split('\n') }),
    );
  });
};

describe('npm run doctor', () => {
  it('prints one line a check and exits 0 on an account ready for Sunday; or names what to do, one line each, and exits 1', async () => {
    const [healthy, sandbox, noDmarc] = await Promise.all([
      doctor(),
      doctor((state) => {
        state.productionAccess = false;
        state.verifiedAddresses = [`camille@${DOMAIN}`];
        state.max24HourSend = 200;
      }),
      doctor((_state, zone) => {
        delete zone[`_dmarc.${DOMAIN}`];
      }),
    ]);

    expect(healthy.code, healthy.lines.join('\n')).toBe(0);
    expect(healthy.lines.filter((l) => l.startsWith('ok  '))).toHaveLength(12);
    expect(healthy.lines).toContain(`ok    DMARC: v=DMARC1; p=none; rua=mailto:dmarc@${DOMAIN}`);
    expect(healthy.lines).toContain('ok    The Sunday send takes about 2 min at 14 mails/s');
    expect(healthy.lines.at(-1)).toBe('The next Sunday can go out.');

    expect(sandbox.code).toBe(1);
    expect(sandbox.lines.filter((l) => l.startsWith('FAIL'))).toEqual([
      `FAIL  SES is in the sandbox: only 1 verified address receives mail (camille@${DOMAIN}); request production access (SES console → Account dashboard → Request production access)`,
      expect.stringMatching(
        /^FAIL {2}Daily quota 200 is below the 1,200 confirmed readers: .*ask AWS for a higher quota/,
      ),
    ]);

    expect(noDmarc.code).toBe(1);
    expect(noDmarc.lines.filter((l) => l.startsWith('FAIL'))).toEqual([
      `FAIL  No DMARC record: Gmail and Yahoo refuse bulk mail without one; create TXT _dmarc.${DOMAIN} "v=DMARC1; p=none; rua=mailto:ops@${DOMAIN}"`,
    ]);
  }, 60_000);
});
