import { startAccountFake } from './account-fake.ts';
import { healthyAccount, healthyZone } from './account-state.ts';
import { startDnsStub } from './dns-stub.ts';

/**
 * `npm run account-fakes -- [--sandbox] [--no-dmarc] [-c senderAddress=…]`: the SES v2, Lambda and Secrets
 * Manager calls of `npm run doctor`, and a DNS server, on 127.0.0.1; prints the environment that points the
 * doctor at them. The account is healthy unless told otherwise.
 */
const argv = process.argv.slice(2);
const sender =
  argv.find((arg) => arg.startsWith('senderAddress='))?.split('=')[1] ?? 'sunday@newsletter.example.com';
const domain = sender.slice(sender.lastIndexOf('@') + 1);
const region = process.env['AWS_REGION'] ?? 'eu-west-3';
const state = healthyAccount(domain);
state.secrets['local-secret'] = JSON.stringify({
  webhookSecrets: ['whsec_local'],
  adminTokens: ['local'],
  linkKeys: [{ id: 'k1', secret: 'local' }],
  subscriberIdKey: 'local',
});
if (argv.includes('--sandbox')) {
  state.productionAccess = false;
  state.max24HourSend = 200;
  state.maxSendRate = 1;
  state.verifiedAddresses = [`author@${domain}`];
}
const zone = healthyZone(domain, region);
if (argv.includes('--no-dmarc')) delete zone[`_dmarc.${domain}`];
const fake = await startAccountFake(state);
const dns = await startDnsStub(zone);
process.stdout
  .write(`Fake account for ${domain} in ${region}${argv.includes('--sandbox') ? ' (SES sandbox)' : ''}${argv.includes('--no-dmarc') ? ' (no DMARC record)' : ''}. In another shell:

AWS_REGION=${region} AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local \\
AWS_ENDPOINT_URL_SESV2=${fake.url} AWS_ENDPOINT_URL_LAMBDA=${fake.url} AWS_ENDPOINT_URL_SECRETS_MANAGER=${fake.url} \\
DOCTOR_DNS_SERVERS=${dns.server} npm run doctor -- --secret local-secret --audience 1200

Ctrl-C stops it.
`);
