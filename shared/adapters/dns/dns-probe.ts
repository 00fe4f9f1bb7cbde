import { Resolver } from 'node:dns/promises';
import type { DnsFacts } from '../../domain/deliverability/account-facts.ts';
import type { DnsQuestion } from '../../ports/account-probes.ts';

// A name with no such record is an answer (the record is missing), not a failed look.
const NO_RECORD = new Set(['ENOTFOUND', 'ENODATA', 'ENONAME']);

const orNone = async <T>(look: Promise<T[]>): Promise<T[]> => {
  try {
    return await look;
  } catch (error) {
    if (NO_RECORD.has((error as { code?: string }).code ?? '')) return [];
    throw error;
  }
};

/**
 * The records SES and mailbox providers read, through `servers` (host or host:port) when given, else the
 * system's resolvers. Tests point it at a stub on 127.0.0.1.
 */
export const dnsProbe = (servers?: readonly string[]) => {
  const resolver = new Resolver({ timeout: 3000, tries: 2 });
  if (servers && servers.length > 0) resolver.setServers([...servers]);
  return async ({ domain, mailFromDomain, dkimTokens }: DnsQuestion): Promise<DnsFacts> => {
    const [dkim, mx, mailFromTxt, dmarcTxt] = await Promise.all([
      Promise.all(
        dkimTokens.map(async (token) => ({
          token,
          targets: await orNone(resolver.resolveCname(`${token}._domainkey.${domain}`)),
        })),
      ),
      orNone(resolver.resolveMx(mailFromDomain)),
      orNone(resolver.resolveTxt(mailFromDomain)),
      orNone(resolver.resolveTxt(`_dmarc.${domain}`)),
    ]);
    return {
      dkim,
      mailFromMx: mx.map((record) => record.exchange),
      // A TXT record may come in several strings: DNS clients join them.
      mailFromTxt: mailFromTxt.map((parts) => parts.join('')),
      dmarcTxt: dmarcTxt.map((parts) => parts.join('')),
    };
  };
};
