import type { DeliveryPlan, DnsFacts, Probed } from './account-facts.ts';
import { type HealthItem, item, unanswered } from './health-item.ts';

/** The record the stack outputs (DmarcRecord) and the doctor suggests: monitor first, with reports. */
export const suggestedDmarc = (reportAddress: string): string =>
  `v=DMARC1; p=none; rua=mailto:${reportAddress}`;

const sameName = (a: string, b: string) =>
  a.replace(/\.$/, '').toLowerCase() === b.replace(/\.$/, '').toLowerCase();

/** DKIM CNAMEs, MAIL FROM MX and SPF, and DMARC, as the world's resolvers answer for them. */
export const assessDns = (
  dns: Probed<DnsFacts>,
  plan: Pick<DeliveryPlan, 'domain' | 'mailFromDomain' | 'region' | 'reportAddress'>,
): HealthItem[] => {
  if (!dns.ok) return [unanswered('dns', { en: 'DNS records', fr: 'Enregistrements DNS' }, dns.error)];
  const { dkim, mailFromMx, mailFromTxt, dmarcTxt } = dns.value;
  const { domain, mailFromDomain, region, reportAddress } = plan;
  const missingDkim = dkim.filter(
    ({ token, targets }) => !targets.some((t) => sameName(t, `${token}.dkim.amazonses.com`)),
  );
  const feedback = `feedback-smtp.${region}.amazonses.com`;
  const mxOk = mailFromMx.some((mx) => sameName(mx, feedback));
  const spfOk = mailFromTxt.some((txt) => /^v=spf1\b.*\binclude:amazonses\.com\b/i.test(txt));
  const dmarc = dmarcTxt.find((txt) => /^v=DMARC1\s*(;|$)/i.test(txt.trim()));
  return [
    dkim.length > 0 && missingDkim.length === 0
      ? item('dkim_dns', 'ok', `DKIM CNAMEs: ${dkim.length} resolve`, `CNAME DKIM : ${dkim.length} résolus`)
      : item(
          'dkim_dns',
          'fail',
          `DKIM CNAMEs missing for ${missingDkim.length || 'every'} token(s): create ${missingDkim.map((d) => `${d.token}._domainkey.${domain}`).join(', ') || 'the DkimRecords output'}`,
          `CNAME DKIM absents (${missingDkim.length || 'tous'}) : créez ${missingDkim.map((d) => `${d.token}._domainkey.${domain}`).join(', ') || 'la sortie DkimRecords'}`,
        ),
    mxOk && spfOk
      ? item(
          'mail_from_dns',
          'ok',
          `MAIL FROM ${mailFromDomain}: MX and SPF resolve`,
          `MAIL FROM ${mailFromDomain} : MX et SPF résolus`,
        )
      : item(
          'mail_from_dns',
          'warn',
          `MAIL FROM ${mailFromDomain}: ${mxOk ? '' : `create MX 10 ${feedback}`}${!mxOk && !spfOk ? ' and ' : ''}${spfOk ? '' : 'create TXT "v=spf1 include:amazonses.com ~all"'}`,
          `MAIL FROM ${mailFromDomain} : ${mxOk ? '' : `créez MX 10 ${feedback}`}${!mxOk && !spfOk ? ' et ' : ''}${spfOk ? '' : 'créez TXT "v=spf1 include:amazonses.com ~all"'}`,
        ),
    dmarc
      ? item('dmarc_dns', 'ok', `DMARC: ${dmarc}`, `DMARC : ${dmarc}`)
      : item(
          'dmarc_dns',
          'fail',
          `No DMARC record: Gmail and Yahoo refuse bulk mail without one; create TXT _dmarc.${domain} "${suggestedDmarc(reportAddress)}"`,
          `Aucun enregistrement DMARC : Gmail et Yahoo refusent les envois en nombre sans lui ; créez TXT _dmarc.${domain} "${suggestedDmarc(reportAddress)}"`,
        ),
  ];
};
