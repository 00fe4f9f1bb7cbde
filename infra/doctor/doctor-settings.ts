import { readFileSync } from 'node:fs';

/** What the doctor needs to know of the deployment: the deploy's own `-c key=value` settings and outputs. */
export type DoctorSettings = {
  region: string;
  domain: string;
  mailFromDomain: string;
  networks: string[];
  maxSenders: number;
  reportAddress: string;
  audience?: number;
  tableName?: string;
  secretArn?: string;
  socialSecretArn?: string;
  language: 'fr' | 'en';
};

const contextOf = (argv: readonly string[]): Record<string, string> => {
  const context: Record<string, string> = {};
  argv.forEach((arg, i) => {
    const pair = arg === '-c' || arg === '--context' ? argv[i + 1] : undefined;
    const at = pair?.indexOf('=') ?? -1;
    if (pair && at > 0) context[pair.slice(0, at)] = pair.slice(at + 1);
  });
  return context;
};

const flag = (argv: readonly string[], name: string): string | undefined => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
};

/**
 * cdk.json's context, overridden by `-c`, as `npm run deploy` reads it; the stack's outputs from the file
 * `npm run deploy` writes (cdk.out/outputs.json) unless given with flags.
 */
export const readDoctorSettings = (
  argv: readonly string[],
  defaults: Record<string, unknown>,
  env: Record<string, string | undefined>,
  outputsFile = 'cdk.out/outputs.json',
): DoctorSettings => {
  const context = { ...defaults, ...contextOf(argv) } as Record<string, unknown>;
  const text = (key: string) => (typeof context[key] === 'string' ? (context[key] as string) : undefined);
  const sender = text('senderAddress') ?? '';
  const domain = sender.slice(sender.lastIndexOf('@') + 1).toLowerCase();
  const region = text('region') ?? env['AWS_REGION'] ?? env['AWS_DEFAULT_REGION'] ?? '';
  let outputs: Record<string, string> = {};
  try {
    const file = JSON.parse(readFileSync(flag(argv, '--outputs') ?? outputsFile, 'utf8')) as Record<
      string,
      Record<string, string>
    >;
    outputs = file['Dimanche'] ?? {};
  } catch {
    // No deploy from here yet: the flags say where the table and secrets are, or those checks say so.
  }
  const audience = flag(argv, '--audience');
  const optional = (key: string, value: string | undefined) => (value ? { [key]: value } : {});
  return {
    region,
    domain,
    mailFromDomain: text('mailFromDomain') ?? `bounce.${domain}`,
    networks: (text('socialNetworks') ?? '')
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean),
    maxSenders: Number(context['maxSenders'] ?? 2),
    reportAddress: text('operatorEmail') ?? text('authorEmail') ?? `dmarc@${domain}`,
    ...(audience !== undefined ? { audience: Number(audience) } : {}),
    ...optional('tableName', flag(argv, '--table') ?? outputs['TableName']),
    ...optional('secretArn', flag(argv, '--secret') ?? outputs['SecretArn']),
    ...optional('socialSecretArn', flag(argv, '--social-secret') ?? outputs['SocialAccountsSecretArn']),
    language: flag(argv, '--lang') === 'fr' ? 'fr' : 'en',
  };
};
