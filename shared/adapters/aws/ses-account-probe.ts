import {
  GetAccountCommand,
  GetEmailIdentityCommand,
  ListEmailIdentitiesCommand,
  NotFoundException,
  type SESv2Client,
} from '@aws-sdk/client-sesv2';
import type { IdentityFacts, SesAccountFacts } from '../../domain/deliverability/account-facts.ts';

/** GetAccount, and in the sandbox the verified addresses (the only ones it may mail). */
export const sesAccountProbe = (ses: SESv2Client) => async (): Promise<SesAccountFacts> => {
  const account = await ses.send(new GetAccountCommand({}));
  const productionAccess = account.ProductionAccessEnabled === true;
  const verifiedRecipients: string[] = [];
  if (!productionAccess) {
    let NextToken: string | undefined;
    do {
      const page = await ses.send(new ListEmailIdentitiesCommand({ PageSize: 100, NextToken }));
      for (const identity of page.EmailIdentities ?? [])
        if (identity.IdentityType === 'EMAIL_ADDRESS' && identity.VerificationStatus === 'SUCCESS')
          verifiedRecipients.push(identity.IdentityName ?? '');
      NextToken = page.NextToken;
    } while (NextToken);
  }
  return {
    productionAccess,
    sendingEnabled: account.SendingEnabled !== false,
    max24HourSend: account.SendQuota?.Max24HourSend ?? 0,
    maxSendRate: account.SendQuota?.MaxSendRate ?? 0,
    sentLast24Hours: account.SendQuota?.SentLast24Hours ?? 0,
    verifiedRecipients,
  };
};

/** GetEmailIdentity of the sender domain; SES's NotFound is an answer, not a failure. */
export const sesIdentityProbe =
  (ses: SESv2Client) =>
  async (domain: string): Promise<IdentityFacts> => {
    try {
      const identity = await ses.send(new GetEmailIdentityCommand({ EmailIdentity: domain }));
      const mailFrom = identity.MailFromAttributes;
      return {
        exists: true,
        verified: identity.VerifiedForSendingStatus === true,
        dkimStatus: identity.DkimAttributes?.Status ?? 'NOT_STARTED',
        dkimTokens: identity.DkimAttributes?.Tokens ?? [],
        ...(mailFrom?.MailFromDomain ? { mailFromDomain: mailFrom.MailFromDomain } : {}),
        ...(mailFrom?.MailFromDomainStatus ? { mailFromStatus: mailFrom.MailFromDomainStatus } : {}),
      };
    } catch (error) {
      if (error instanceof NotFoundException) return { exists: false };
      throw error;
    }
  };
