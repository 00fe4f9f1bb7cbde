import type { Environment } from 'aws-cdk-lib';
import type { Node } from 'constructs';

/** Deployment settings, read once from CDK context (cdk.json defaults, `-c key=value` overrides). */
export interface DimancheConfig {
  readonly publicBaseUrl: string;
  readonly seriesName: string;
  readonly postalAddress: string;
  readonly timeZone: string;
  readonly senderAddress: string;
}

const text = (node: Node, key: string): string => {
  const value: unknown = node.tryGetContext(key);
  if (typeof value !== 'string' || value.trim() === '') {
    throw new Error(`CDK context "${key}" is required (set it in cdk.json or pass -c ${key}=...)`);
  }
  return value.trim();
};

// Fail at synth rather than at the first cold start: both values end up in every function's environment.
const checkUrl = (url: string): string => {
  if (!URL.canParse(url) || new URL(url).protocol !== 'https:') {
    throw new Error(`CDK context "publicBaseUrl" must be an https URL, got "${url}"`);
  }
  return url.replace(/\/+$/, '');
};

const checkTimeZone = (zone: string): string => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch (cause) {
    throw new Error(`CDK context "timeZone" must be an IANA zone, got "${zone}"`, { cause });
  }
  return zone;
};

export const readConfig = (node: Node): DimancheConfig => ({
  publicBaseUrl: checkUrl(text(node, 'publicBaseUrl')),
  seriesName: text(node, 'seriesName'),
  postalAddress: text(node, 'postalAddress'),
  timeZone: checkTimeZone(text(node, 'timeZone')),
  senderAddress: text(node, 'senderAddress'),
});

/**
 * Environment-agnostic unless both `account` and `region` are given: half an env would make CDK
 * resolve the other half from whatever credentials happen to be around.
 */
export const readEnv = (node: Node): Environment | undefined => {
  const account: unknown = node.tryGetContext('account');
  const region: unknown = node.tryGetContext('region');
  return typeof account === 'string' && typeof region === 'string' ? { account, region } : undefined;
};
