import type { EmailAddress } from '../../shared/domain/email-address.ts';
import type { Language } from '../../shared/domain/issue.ts';
import type { DispatchIssue } from '../../shared/usecases/studio/act-on-issue.ts';
import type { CampaignLedgerReader } from '../../shared/ports/campaign-ledger.ts';
import type { IssueHolds } from '../../shared/ports/issue-holds.ts';
import type { StudioAuthStore } from '../../shared/ports/studio-auth.ts';
import type { DeliverabilityStore } from '../../shared/ports/deliverability-store.ts';
import type { SubscriberDirectory } from '../../shared/ports/subscriber-directory.ts';
import type { AppDeps } from '../app-deps.ts';
import type { StudioAccounts } from './accounts-deps.ts';

export type StudioSettings = {
  authorEmail: EmailAddress;
  language: Language;
  /** The Sunday send's cron, in the newsletter's time zone. */
  schedule: string;
};

export type Studio = StudioSettings & {
  auth: StudioAuthStore;
  holds: IssueHolds;
  ledger: CampaignLedgerReader;
  /** The last run of the account's deliverability checks (Réglages → Délivrabilité). */
  deliverability?: Pick<DeliverabilityStore, 'latest'>;
  /** Abonnés: every reader by part of address or name (the store keeps it current on each write). */
  directory: SubscriberDirectory;
  /** This issue out now (a person asked), by its number; absent where this runtime cannot start it. */
  sendNow?: DispatchIssue;
  /** Réglages' "Connecter" per network; absent where this runtime has no key to seal tokens with. */
  accounts?: StudioAccounts;
};

export type StudioDeps = AppDeps & { studio: Studio };
