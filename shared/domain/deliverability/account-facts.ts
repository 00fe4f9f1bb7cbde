/** What a probe found, or why it could not look: an unanswered probe is itself a verdict (health-item.ts). */
export type Probed<T> = { ok: true; value: T } | { ok: false; error: string };

/** SES's account in this region (SESv2 GetAccount), and the addresses a sandboxed account may mail. */
export type SesAccountFacts = {
  productionAccess: boolean;
  sendingEnabled: boolean;
  max24HourSend: number;
  maxSendRate: number;
  sentLast24Hours: number;
  /** Verified email-address identities: in the sandbox, the only recipients SES accepts. */
  verifiedRecipients: readonly string[];
};

/** The sender domain's identity (SESv2 GetEmailIdentity); `exists: false` when SES does not know it. */
export type IdentityFacts =
  | { exists: false }
  | {
      exists: true;
      verified: boolean;
      /** SUCCESS, PENDING, FAILED, TEMPORARY_FAILURE or NOT_STARTED. */
      dkimStatus: string;
      dkimTokens: readonly string[];
      mailFromDomain?: string;
      /** SUCCESS, PENDING, FAILED or TEMPORARY_FAILURE. */
      mailFromStatus?: string;
    };

/** Answers of the public DNS for the records SES and the mailbox providers read. */
export type DnsFacts = {
  /** One per DKIM token: what `<token>._domainkey.<domain>` is a CNAME of (none: empty). */
  dkim: readonly { token: string; targets: readonly string[] }[];
  mailFromMx: readonly string[];
  /** The MAIL FROM domain's TXT records, each joined. */
  mailFromTxt: readonly string[];
  /** `_dmarc.<domain>`'s TXT records, each joined. */
  dmarcTxt: readonly string[];
};

export type LambdaFacts = { concurrencyLimit: number; unreservedConcurrency: number };

/** One enabled network's token, tried with a cheap authenticated read. */
export type SocialTokenFacts = { network: string; ok: boolean; detail: string };

export type AccountFacts = {
  ses: Probed<SesAccountFacts>;
  identity: Probed<IdentityFacts>;
  dns: Probed<DnsFacts>;
  lambda: Probed<LambdaFacts>;
  /** Confirmed readers: who the next Sunday goes to. */
  audience: Probed<number>;
  social: Probed<readonly SocialTokenFacts[]>;
  /** Secret entries the app needs and that are empty. */
  emptySecrets: Probed<readonly string[]>;
};

/** What the stack was deployed with, which the account must be able to carry. */
export type DeliveryPlan = {
  domain: string;
  mailFromDomain: string;
  region: string;
  /** Concurrent executions the stack may use at once on a Sunday (docs/deploy.md, "What you need"). */
  concurrencyNeeded: number;
  /** Mails a second the senders are configured for in all, when set (SEND_RATE); else SES's maximum. */
  sendRate?: number;
  /** The address DMARC reports go to, in the record the doctor suggests. */
  reportAddress: string;
};
