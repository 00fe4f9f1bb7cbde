import type { Node } from 'constructs';
import { domainOf } from './config.ts';

/** Production settings (issue 6): browser origins for the API, and the SES identity the stack manages. */
export interface OperationsConfig {
  /** Origins (`https://host[:port]`) whose scripts may call the API; none by default. */
  readonly allowedOrigins: readonly string[];
  /** The sender's domain identity: created here (Easy DKIM, custom MAIL FROM) unless it already exists. */
  readonly emailIdentity: {
    readonly create: boolean;
    readonly domain: string;
    readonly mailFromDomain: string;
  };
}

// `-c key=value` gives strings, cdk.json gives JSON values: accept both spellings of a list and a flag.
const listOf = (key: string, value: unknown): string[] => {
  if (value === undefined) return [];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  if (typeof value === 'string')
    return value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  throw new Error(`CDK context "${key}" must be a comma-separated string or a list of strings`);
};

const flagOf = (key: string, value: unknown, fallback: boolean): boolean => {
  if (value === undefined) return fallback;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new Error(`CDK context "${key}" must be true or false, got "${String(value)}"`);
};

// What a browser sends in Origin: a scheme, a host and maybe a port, nothing after.
const checkOrigin = (origin: string): string => {
  const url = URL.canParse(origin) ? new URL(origin) : undefined;
  if (url?.protocol !== 'https:' || url.origin !== origin) {
    throw new Error(
      `CDK context "allowedOrigins": "${origin}" is not an https origin such as https://blog.example.org`,
    );
  }
  return origin;
};

// SES wants a subdomain of the identity that is used for nothing else (its MX goes to SES's feedback host).
const checkMailFrom = (mailFromDomain: string, domain: string): string => {
  if (!mailFromDomain.endsWith(`.${domain}`) || !/^[a-z0-9.-]+$/i.test(mailFromDomain)) {
    throw new Error(`CDK context "mailFromDomain" must be a subdomain of ${domain}, got "${mailFromDomain}"`);
  }
  return mailFromDomain;
};

export const readOperationsConfig = (node: Node, senderAddress: string): OperationsConfig => {
  const domain = domainOf(senderAddress).toLowerCase();
  const mailFrom: unknown = node.tryGetContext('mailFromDomain') ?? `bounce.${domain}`;
  if (typeof mailFrom !== 'string') throw new Error('CDK context "mailFromDomain" must be a domain name');
  return {
    allowedOrigins: listOf('allowedOrigins', node.tryGetContext('allowedOrigins')).map(checkOrigin),
    emailIdentity: {
      create: flagOf('createEmailIdentity', node.tryGetContext('createEmailIdentity'), true),
      domain,
      mailFromDomain: checkMailFrom(mailFrom.trim().toLowerCase(), domain),
    },
  };
};
