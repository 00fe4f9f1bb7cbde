import type { Environment } from 'aws-cdk-lib';
import type { Node } from 'constructs';
import { unsupportedRegion } from './deploy-regions.ts';

/** Deployment settings, read once from CDK context (cdk.json defaults, `-c key=value` overrides). */
export interface DimancheConfig {
  /** An https URL, or `api` (FROM_API): the HTTP API's own URL, or the custom domain's when one is set. */
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

/**
 * `publicBaseUrl=api`: the stack derives it, so a first deploy needs no second pass (docs/deploy.md, step 2).
 * The HTTP API's URL exists only once deployed; the functions read it from the template, not from the operator.
 */
export const FROM_API = 'api';

// Fail at synth rather than at the first cold start: both values end up in every function's environment.
const checkUrl = (url: string): string => {
  if (url === FROM_API) return url;
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
  senderAddress: lowerCaseDomain(text(node, 'senderAddress')),
});

// Domains are case-insensitive, IAM ARNs are not: one spelling for the SES identity and every grant on it.
const lowerCaseDomain = (address: string): string => {
  const at = address.lastIndexOf('@');
  return at < 0 ? address : address.slice(0, at) + address.slice(at).toLowerCase();
};

/** An API Gateway custom domain in front of the HTTP API (optional): its name and a regional ACM certificate. */
export interface CustomDomain {
  readonly domainName: string;
  readonly certificateArn: string;
}

export const readCustomDomain = (node: Node): CustomDomain | undefined => {
  const domainName: unknown = node.tryGetContext('customDomain');
  const certificateArn: unknown = node.tryGetContext('certificateArn');
  if (domainName === undefined && certificateArn === undefined) return undefined;
  if (typeof domainName !== 'string' || !/^([a-z0-9-]+\.)+[a-z]{2,}$/i.test(domainName.trim())) {
    throw new Error(`CDK context "customDomain" must be a domain name such as dimanche.example.org`);
  }
  // API Gateway wants the certificate in the API's own region for a regional endpoint.
  if (
    typeof certificateArn !== 'string' ||
    !/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/.+$/.test(certificateArn)
  ) {
    throw new Error('CDK context "certificateArn" must be the ARN of an ACM certificate for customDomain');
  }
  return { domainName: domainName.trim().toLowerCase(), certificateArn };
};

/**
 * Environment-agnostic unless both `account` and `region` are given: half an env would make CDK
 * resolve the other half from whatever credentials happen to be around.
 */
export const readEnv = (node: Node): Environment | undefined => {
  const account: unknown = node.tryGetContext('account');
  const region: unknown = node.tryGetContext('region');
  if (typeof account !== 'string' || typeof region !== 'string') return undefined;
  const unsupported = unsupportedRegion(region);
  if (unsupported) throw new Error(`CDK context "region": ${unsupported}`);
  return { account, region };
};

/** Sunday delivery settings (issue 3). Every key but `authorEmail` has a default; `-c key=value` overrides. */
export interface DeliveryConfig {
  /** EventBridge Scheduler day of week (SUN…SAT) and local time (HH:MM) of the weekly run. */
  readonly scheduleDay: string;
  readonly scheduleTime: string;
  /** Local time after which dispatch no longer starts a campaign that day. */
  readonly sendDeadline: string;
  readonly authorEmail: string;
  /** What the author reads (her mails, the studio): fr (default) or en. */
  readonly authorLanguage: 'fr' | 'en';
  /** Optional: where operator alarms are emailed; no subscription when unset. */
  readonly operatorEmail: string | undefined;
  readonly senderName: string;
  readonly listId: string;
  /** Concurrent senders; each paces itself at SES's max send rate divided by this. */
  readonly maxSenders: number;
  /** song.link calls a minute, across every music worker: 10 without an API key (issue 7). */
  readonly resolverRatePerMinute: number;
}

const optionalText = (node: Node, key: string): string | undefined => {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new Error(`CDK context "${key}" must be a non-empty string when set`);
  }
  return value.trim();
};

// These values end up in mail headers: a CR or LF would let them inject headers of their own.
const headerSafe = (key: string, value: string): string => {
  if (/[\r\n\u2028\u2029]/.test(value)) throw new Error(`CDK context "${key}" must be one line`);
  return value;
};

// The shape the sender accepts (shared/domain/settings/delivery.ts): refuse it here rather than at first send.
const checkListId = (value: string): string => {
  if (!/^[^\r\n]*<[a-z0-9.-]+>$/i.test(headerSafe('listId', value))) {
    throw new Error(`CDK context "listId" must look like "Name <label.example.org>", got "${value}"`);
  }
  return value;
};

const checkEmail = (key: string, value: string): string => {
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
    throw new Error(`CDK context "${key}" must be an email address, got "${value}"`);
  }
  return value;
};

const checkLanguage = (value: string): 'fr' | 'en' => {
  if (value !== 'fr' && value !== 'en')
    throw new Error(`CDK context "authorLanguage" must be fr or en, got "${value}"`);
  return value;
};

const checkClock = (key: string, value: string): string => {
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(value)) {
    throw new Error(`CDK context "${key}" must be a 24-hour HH:MM time, got "${value}"`);
  }
  return value;
};

/** The domain of an address: SES authorises sending on the domain identity, not the single address. */
export const domainOf = (address: string): string => address.slice(address.lastIndexOf('@') + 1);

/** Scheduler's day names, in week order from Sunday. */
export const WEEK_DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

const checkMaxSenders = (value: unknown): number => {
  const n = typeof value === 'string' ? Number(value) : value;
  // 2 is the lowest maximum concurrency an SQS event source mapping accepts, 1000 the highest.
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 2 || n > 1000) {
    throw new Error(`CDK context "maxSenders" must be an integer from 2 to 1000, got "${String(value)}"`);
  }
  return n;
};

const checkResolverRate = (value: unknown): number => {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 600) {
    throw new Error(
      `CDK context "resolverRatePerMinute" must be an integer from 1 to 600, got "${String(value)}"`,
    );
  }
  return n;
};

export const readDeliveryConfig = (node: Node, config: DimancheConfig): DeliveryConfig => {
  const scheduleDay = (optionalText(node, 'scheduleDay') ?? 'SUN').toUpperCase();
  if (!WEEK_DAYS.includes(scheduleDay)) {
    throw new Error(`CDK context "scheduleDay" must be one of ${WEEK_DAYS.join(', ')}, got "${scheduleDay}"`);
  }
  const scheduleTime = checkClock('scheduleTime', optionalText(node, 'scheduleTime') ?? '09:00');
  const sendDeadline = checkClock('sendDeadline', optionalText(node, 'sendDeadline') ?? '14:00');
  // Same-day HH:MM strings compare in clock order; a deadline at or before the run would never send.
  if (sendDeadline <= scheduleTime) {
    throw new Error(
      `CDK context "sendDeadline" (${sendDeadline}) must be after "scheduleTime" (${scheduleTime})`,
    );
  }
  const senderDomain = domainOf(checkEmail('senderAddress', config.senderAddress));
  const operatorEmail = optionalText(node, 'operatorEmail');
  return {
    scheduleDay,
    scheduleTime,
    sendDeadline,
    authorEmail: checkEmail('authorEmail', text(node, 'authorEmail')),
    authorLanguage: checkLanguage(optionalText(node, 'authorLanguage') ?? 'fr'),
    operatorEmail: operatorEmail === undefined ? undefined : checkEmail('operatorEmail', operatorEmail),
    // The series is what readers know the mail by; a separate name only when the operator sets one.
    senderName: headerSafe('senderName', optionalText(node, 'senderName') ?? config.seriesName),
    // RFC 2919: a phrase and a label under a domain we own, stable for the life of the list.
    listId: checkListId(optionalText(node, 'listId') ?? `${config.seriesName} <sunday.${senderDomain}>`),
    maxSenders: checkMaxSenders(node.tryGetContext('maxSenders') ?? 2),
    resolverRatePerMinute: checkResolverRate(node.tryGetContext('resolverRatePerMinute') ?? 10),
  };
};

/** Social announcements (issue 5): which networks, and what the composer needs. All optional. */
export interface SocialConfig {
  /** Comma-separated, of SOCIAL_NETWORK_NAMES; none by default. */
  readonly networks: string;
  readonly hashtags: string;
  readonly mastodonMaxCharacters: string;
}

/**
 * The registry's ids (shared/domain/social/registry.ts), copied: infra/ never imports runtime code.
 * test/infra/network-registry.test.ts fails when the two differ.
 */
export const SOCIAL_NETWORK_NAMES = ['mastodon', 'bluesky', 'x', 'linkedin', 'facebook', 'threads'];
const NETWORKS = SOCIAL_NETWORK_NAMES;

export const readSocialConfig = (node: Node): SocialConfig => {
  const networks = (optionalText(node, 'socialNetworks') ?? '')
    .split(',')
    .map((n) => n.trim().toLowerCase())
    .filter(Boolean);
  const unknown = networks.filter((n) => !NETWORKS.includes(n));
  if (unknown.length > 0) {
    throw new Error(
      `CDK context "socialNetworks" may only name ${NETWORKS.join(', ')}, got "${unknown.join(', ')}"`,
    );
  }
  const max = optionalText(node, 'mastodonMaxCharacters') ?? '500';
  if (!/^\d+$/.test(max) || Number(max) < 100) {
    throw new Error(
      `CDK context "mastodonMaxCharacters" must be a whole number of at least 100, got "${max}"`,
    );
  }
  return {
    networks: networks.join(','),
    hashtags: optionalText(node, 'socialHashtags') ?? '',
    mastodonMaxCharacters: max,
  };
};

/** What every function that composes, queues or reports social posts reads (shared/domain/settings/social.ts). */
export const socialEnvironment = (social: SocialConfig, config: DimancheConfig) => ({
  SOCIAL_NETWORKS: social.networks,
  SOCIAL_HASHTAGS: social.hashtags,
  MASTODON_MAX_CHARACTERS: social.mastodonMaxCharacters,
  SERIES_NAME: config.seriesName,
});
