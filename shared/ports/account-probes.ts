import type {
  DnsFacts,
  IdentityFacts,
  LambdaFacts,
  SesAccountFacts,
  SocialTokenFacts,
} from '../domain/deliverability/account-facts.ts';

/** Where the DNS looks: the sender domain, its MAIL FROM subdomain and the DKIM tokens SES gave it. */
export type DnsQuestion = { domain: string; mailFromDomain: string; dkimTokens: readonly string[] };

/**
 * Read-only looks at what no template shows: the SES account and identity, the public DNS, the Lambda quota,
 * the audience, the social tokens and the secrets. Each may throw; the use case turns that into a verdict.
 */
export type AccountProbes = {
  sesAccount: () => Promise<SesAccountFacts>;
  identity: (domain: string) => Promise<IdentityFacts>;
  dns: (question: DnsQuestion) => Promise<DnsFacts>;
  lambda: () => Promise<LambdaFacts>;
  audience: () => Promise<number>;
  socialTokens: () => Promise<readonly SocialTokenFacts[]>;
  emptySecrets: () => Promise<readonly string[]>;
};
