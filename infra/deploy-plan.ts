import { App } from 'aws-cdk-lib';
import { domainOf, FROM_API, readConfig, readCustomDomain, readDeliveryConfig } from './config.ts';
import { readOperationsConfig } from './operations-config.ts';
import { unsupportedRegion } from './deploy-regions.ts';

/** What `npm run deploy` found: the `cdk` arguments to run, or why it will not run them. */
export type DeployPlan =
  { ok: true; cdkArgs: string[]; summary: [string, string][] } | { ok: false; problems: string[] };

const CONTEXT_FLAGS = ['-c', '--context'];

/** `-c key=value`, `--context key=value` and `--context=key=value`, as the CDK CLI reads them. */
export const contextArgs = (argv: readonly string[]): Record<string, string> => {
  const context: Record<string, string> = {};
  const put = (pair: string | undefined) => {
    const at = pair?.indexOf('=') ?? -1;
    if (pair !== undefined && at > 0) context[pair.slice(0, at)] = pair.slice(at + 1);
  };
  argv.forEach((arg, i) => {
    if (CONTEXT_FLAGS.includes(arg)) put(argv[i + 1]);
    else if (arg.startsWith('--context=')) put(arg.slice('--context='.length));
  });
  return context;
};

// RFC 2606 names: cdk.json ships with them so a synth works anywhere; a deploy with them would mail no one.
const placeholder = /(^|\.)example\.(com|org|net)$/i;

const attempt = (problems: string[], read: () => void) => {
  try {
    read();
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
};

/**
 * The checks a synth cannot make: settings that are valid but still the examples, and an operator address,
 * without which every alarm would go to a topic nobody reads. The rest is the stack's own validation.
 */
export const planDeploy = (
  argv: readonly string[],
  defaults: Record<string, unknown>,
  /** AWS_REGION or AWS_DEFAULT_REGION: where the CLI deploys an environment-agnostic stack. */
  shellRegion?: string,
): DeployPlan => {
  const context = { ...defaults, ...contextArgs(argv) };
  const region = typeof context['region'] === 'string' ? context['region'] : shellRegion;
  const { node } = new App({ context });
  const problems: string[] = [];
  const summary: [string, string][] = [];
  attempt(problems, () => {
    const config = readConfig(node);
    const delivery = readDeliveryConfig(node, config);
    const operations = readOperationsConfig(node, config.senderAddress);
    if (delivery.operatorEmail === undefined) {
      problems.push(
        'operatorEmail is required to deploy: every alarm mails it (-c operatorEmail=you@your.domain)',
      );
    }
    const hosts: [string, string | undefined][] = [
      // `api`: the stack derives it from the HTTP API (or customDomain), nothing to check here.
      [
        'publicBaseUrl',
        config.publicBaseUrl === FROM_API ? undefined : new URL(config.publicBaseUrl).hostname,
      ],
      ['senderAddress', domainOf(config.senderAddress)],
      ['authorEmail', domainOf(delivery.authorEmail)],
      ['operatorEmail', delivery.operatorEmail && domainOf(delivery.operatorEmail)],
    ];
    if (region === undefined || region === '')
      problems.push('the region is unknown: set AWS_REGION (or -c account=… -c region=…) to your region');
    else {
      const unsupported = unsupportedRegion(region);
      if (unsupported) problems.push(unsupported);
    }
    for (const [key, host] of hosts) {
      if (host && placeholder.test(host))
        problems.push(`${key} is still an example value (${host}): set your own`);
    }
    summary.push(
      [
        'public base URL',
        config.publicBaseUrl === FROM_API
          ? `the HTTP API's URL${readCustomDomain(node) ? ` (custom domain ${readCustomDomain(node)?.domainName})` : ''}, set by the stack`
          : config.publicBaseUrl,
      ],
      ['sender', `${delivery.senderName} <${config.senderAddress}>`],
      [
        'SES identity',
        operations.emailIdentity.create
          ? `${operations.emailIdentity.domain}, created by the stack (MAIL FROM ${operations.emailIdentity.mailFromDomain})`
          : `${operations.emailIdentity.domain}, already verified`,
      ],
      [
        'schedule',
        `${delivery.scheduleDay} ${delivery.scheduleTime} ${config.timeZone}, no start after ${delivery.sendDeadline}`,
      ],
      ['postal address', config.postalAddress],
      ['allowed origins', operations.allowedOrigins.join(', ') || '(none: same-origin pages only)'],
      ['reports to', delivery.authorEmail],
      ['alarms to', delivery.operatorEmail ?? '(nobody)'],
      ['senders', String(delivery.maxSenders)],
      ['region', region ?? '(unknown)'],
    );
  });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    // The outputs file tells `npm run doctor` where the table and the secrets are.
    cdkArgs: [
      'deploy',
      'Dimanche',
      '--no-notices',
      '--require-approval',
      'broadening',
      '--outputs-file',
      'cdk.out/outputs.json',
      ...argv,
    ],
    summary,
  };
};
