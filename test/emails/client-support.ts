import { DoIUseEmail } from '@jsx-email/doiuse-email';

/**
 * The clients a reader is likely to open the letter in: Gmail (web, apps, mobile web), Apple Mail, Outlook on
 * Windows (Word engine and the Mail app), Outlook on the web, and Yahoo.
 */
export const CLIENTS = [
  'apple-mail.ios',
  'apple-mail.macos',
  'gmail.android',
  'gmail.desktop-webmail',
  'gmail.ios',
  'gmail.mobile-webmail',
  'outlook.outlook-com',
  'outlook.windows',
  'outlook.windows-mail',
  'yahoo.android',
  'yahoo.desktop-webmail',
  'yahoo.ios',
] as const;

// caniemail has Outlook on the web as `outlook-com`, but the tool's list of clients lacks it: added by hand.
const UNLISTED = ['outlook.outlook-com'];

/** Per feature, the clients (of CLIENTS) that do not support it, sorted: caniemail's "n", not its partials. */
export type ClientSupportReport = Record<string, string[]>;

const UNSUPPORTED = /^`(.+)` is not supported by `(.+)`$/;

export const clientSupportReport = (html: string): ClientSupportReport => {
  const checker = new DoIUseEmail({ emailClients: CLIENTS.filter((c) => !UNLISTED.includes(c)) });
  (checker.emailClients as string[]).push(...UNLISTED);
  const result = checker.check(html);
  const found = new Map<string, Set<string>>();
  for (const message of result.success ? [] : result.errors) {
    const [, feature, client] = UNSUPPORTED.exec(message) ?? [];
    if (feature === undefined || client === undefined) throw new Error(`unexpected report line: ${message}`);
    found.set(feature, (found.get(feature) ?? new Set()).add(client));
  }
  return Object.fromEntries(
    [...found.keys()].sort().map((feature) => [feature, [...(found.get(feature) ?? [])].sort()]),
  );
};
