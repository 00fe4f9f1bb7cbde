import type { IdentityFacts, Probed, SesAccountFacts } from './account-facts.ts';
import { type HealthItem, item, unanswered } from './health-item.ts';

const list = (addresses: readonly string[]) =>
  addresses.length === 0 ? 'none' : addresses.slice(0, 3).join(', ') + (addresses.length > 3 ? '…' : '');

/** Out of the sandbox, and sending not paused by SES. */
export const assessSesAccount = (ses: Probed<SesAccountFacts>): HealthItem[] => {
  if (!ses.ok) return [unanswered('ses_account', { en: 'SES account', fr: 'Compte SES' }, ses.error)];
  const { productionAccess, sendingEnabled, verifiedRecipients } = ses.value;
  const n = verifiedRecipients.length;
  return [
    productionAccess
      ? item('ses_sandbox', 'ok', 'SES production access: granted', 'Accès production SES : accordé')
      : item(
          'ses_sandbox',
          'fail',
          `SES is in the sandbox: only ${n === 1 ? '1 verified address receives' : `${n} verified addresses receive`} mail (${list(verifiedRecipients)}); request production access (SES console → Account dashboard → Request production access)`,
          `SES est en bac à sable : ${n === 1 ? 'seule 1 adresse vérifiée reçoit' : `seules ${n} adresses vérifiées reçoivent`} le courrier (${list(verifiedRecipients)}) ; demandez l'accès production (console SES → Account dashboard → Request production access)`,
        ),
    sendingEnabled
      ? item('ses_sending', 'ok', 'SES sending: enabled', 'Envoi SES : activé')
      : item(
          'ses_sending',
          'fail',
          'SES has paused sending for this account: read the message from AWS in the SES console (Reputation) and answer it',
          "SES a suspendu l'envoi pour ce compte : lisez le message d'AWS dans la console SES (Reputation) et répondez-y",
        ),
  ];
};

/** The sender domain verified, signed with DKIM, with its own MAIL FROM. */
export const assessIdentity = (identity: Probed<IdentityFacts>, domain: string): HealthItem[] => {
  if (!identity.ok)
    return [
      unanswered('identity', { en: `SES identity ${domain}`, fr: `Identité SES ${domain}` }, identity.error),
    ];
  const found = identity.value;
  if (!found.exists)
    return [
      item(
        'identity',
        'fail',
        `${domain} is not an SES identity in this region: deploy with createEmailIdentity=true, or create it in the SES console`,
        `${domain} n'est pas une identité SES dans cette région : déployez avec createEmailIdentity=true, ou créez-la dans la console SES`,
      ),
    ];
  const dkimOk = found.dkimStatus === 'SUCCESS';
  const mailFromOk = found.mailFromStatus === 'SUCCESS';
  return [
    found.verified
      ? item('identity', 'ok', `SES identity ${domain}: verified`, `Identité SES ${domain} : vérifiée`)
      : item(
          'identity',
          'fail',
          `SES identity ${domain} is not verified yet: create the DKIM records (stack output DkimRecords) and wait for SES`,
          `L'identité SES ${domain} n'est pas encore vérifiée : créez les enregistrements DKIM (sortie DkimRecords de la pile) et attendez SES`,
        ),
    dkimOk
      ? item('dkim', 'ok', 'DKIM signing: verified', 'Signature DKIM : vérifiée')
      : item(
          'dkim',
          'fail',
          `DKIM status is ${found.dkimStatus}: create the three CNAME records of the DkimRecords output at your DNS host`,
          `Statut DKIM ${found.dkimStatus} : créez chez votre hébergeur DNS les trois CNAME de la sortie DkimRecords`,
        ),
    mailFromOk
      ? item(
          'mail_from',
          'ok',
          `MAIL FROM ${found.mailFromDomain ?? ''}: verified`,
          `MAIL FROM ${found.mailFromDomain ?? ''} : vérifié`,
        )
      : item(
          'mail_from',
          'warn',
          `MAIL FROM status is ${found.mailFromStatus ?? 'unset'}: create the MX and SPF records of the MailFromRecords output (mail still goes, from amazonses.com)`,
          `Statut MAIL FROM ${found.mailFromStatus ?? 'absent'} : créez le MX et le SPF de la sortie MailFromRecords (le courrier part quand même, depuis amazonses.com)`,
        ),
  ];
};
