import { readFileSync } from 'node:fs';
import type { HealthItem } from '../../shared/domain/deliverability/health-item.ts';
import { concurrencyNeeded } from '../../shared/domain/settings/concurrency-needed.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import { checkDeliverability } from '../../shared/usecases/deliverability/check-deliverability.ts';
import { doctorProbes } from './doctor-probes.ts';
import { readDoctorSettings } from './doctor-settings.ts';

/**
 * `npm run doctor -- -c key=value ...` (the deploy's settings): read-only looks at the account and the DNS, one
 * line a check with what to do, and a non-zero exit when the next Sunday would not reach everyone.
 */
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
const argv = process.argv.slice(2);
const { context } = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown>;
};
const settings = readDoctorSettings(argv, context, process.env);
if (!settings.region) {
  process.stderr.write('doctor: the region is unknown: set AWS_REGION (or -c region=…)\n');
  process.exit(2);
}
const sendRate = process.env['SEND_RATE'];
const report = await checkDeliverability({
  probes: doctorProbes(settings, process.env, systemClock),
  plan: {
    domain: settings.domain,
    mailFromDomain: settings.mailFromDomain,
    region: settings.region,
    concurrencyNeeded: concurrencyNeeded(settings.maxSenders),
    reportAddress: settings.reportAddress,
    ...(sendRate ? { sendRate: Number(sendRate) } : {}),
  },
  clock: systemClock,
});

const MARK = { ok: 'ok  ', warn: 'warn', fail: 'FAIL' } as const;
const line = (item: HealthItem) => `${MARK[item.status]}  ${item.text[settings.language]}\n`;
process.stdout.write(report.items.map(line).join(''));
const failed = report.items.filter((item) => item.status === 'fail').length;
process.stdout.write(
  failed === 0
    ? 'The next Sunday can go out.\n'
    : `${failed} check(s) failed: the next Sunday would not reach everyone until they are fixed.\n`,
);
process.exit(failed === 0 ? 0 : 1);
