/** What the fake account answers: a healthy production account by default; tests turn parts of it off. */
export type FakeAccountState = {
  productionAccess: boolean;
  sendingEnabled: boolean;
  max24HourSend: number;
  maxSendRate: number;
  /** Verified email-address identities (what a sandboxed account may mail). */
  verifiedAddresses: string[];
  /** The sender domain's identity; undefined: SES does not know it. */
  identity?: {
    domain: string;
    dkimTokens: string[];
    dkimStatus: string;
    mailFromDomain: string;
    mailFromStatus: string;
  };
  concurrencyLimit: number;
  /** Secrets Manager: SecretString by ARN or name. */
  secrets: Record<string, string>;
};

export const DKIM_TOKENS = ['dimanchea1', 'dimancheb2', 'dimanchec3'];

export const healthyAccount = (domain: string): FakeAccountState => ({
  productionAccess: true,
  sendingEnabled: true,
  max24HourSend: 50_000,
  maxSendRate: 14,
  verifiedAddresses: [],
  identity: {
    domain,
    dkimTokens: [...DKIM_TOKENS],
    dkimStatus: 'SUCCESS',
    mailFromDomain: `bounce.${domain}`,
    mailFromStatus: 'SUCCESS',
  },
  concurrencyLimit: 1000,
  secrets: {},
});

/** The zone a domain set up as docs/deploy.md says: DKIM CNAMEs, MAIL FROM MX and SPF, DMARC. */
export const healthyZone = (
  domain: string,
  region: string,
): Record<string, { type: 'CNAME' | 'MX' | 'TXT'; data: string }[]> => ({
  ...Object.fromEntries(
    DKIM_TOKENS.map((token) => [
      `${token}._domainkey.${domain}`,
      [{ type: 'CNAME' as const, data: `${token}.dkim.amazonses.com` }],
    ]),
  ),
  [`bounce.${domain}`]: [
    { type: 'MX', data: `feedback-smtp.${region}.amazonses.com` },
    { type: 'TXT', data: 'v=spf1 include:amazonses.com ~all' },
  ],
  [`_dmarc.${domain}`]: [{ type: 'TXT', data: `v=DMARC1; p=none; rua=mailto:dmarc@${domain}` }],
});
