/**
 * Every setting docs/deploy.md documents, alone and in the combinations the guide suggests, with a value other
 * than its default. settings-matrix.test.ts synthesizes each one with cdk-nag and the template walks; a key
 * the guide documents that no combination sets fails there.
 */
export type Combination = { readonly name: string; readonly context: Record<string, string> };

const certificateArn = 'arn:aws:acm:eu-west-3:123456789012:certificate/0f3a6b9c-1d2e-4f5a-8b7c-9d0e1f2a3b4c';

/** One value for each key, other than its default; keys that only make sense together come together. */
const ALONE: Record<string, Record<string, string>> = {
  publicBaseUrl: { publicBaseUrl: 'api' },
  senderAddress: { senderAddress: 'dimanche@dimanche.blog.fr' },
  authorEmail: { authorEmail: 'camille@dimanche.blog.fr' },
  authorLanguage: { authorLanguage: 'en' },
  operatorEmail: { operatorEmail: 'ops@dimanche.blog.fr' },
  postalAddress: { postalAddress: 'Camille D., 3 rue Oberkampf, 75011 Paris, France' },
  seriesName: { seriesName: 'Les dimanches de Camille' },
  senderName: { senderName: 'Camille' },
  listId: { listId: 'Les dimanches <dimanche.newsletter.example.com>' },
  timeZone: { timeZone: 'America/Montreal' },
  scheduleDay: { scheduleDay: 'SAT' },
  scheduleTime: { scheduleTime: '08:30' },
  sendDeadline: { sendDeadline: '12:00' },
  maxSenders: { maxSenders: '4' },
  resolverRatePerMinute: { resolverRatePerMinute: '60' },
  socialNetworks: { socialNetworks: 'mastodon,bluesky,x,linkedin,facebook,threads' },
  socialHashtags: { socialHashtags: 'playlist musique' },
  mastodonMaxCharacters: { mastodonMaxCharacters: '1000' },
  feedUrl: { feedUrl: 'https://example.wordpress.com/feed' },
  wordpressSite: { wordpressSite: 'example.wordpress.com' },
  allowedOrigins: { allowedOrigins: 'https://blog.example.org,https://www.example.org' },
  createEmailIdentity: { createEmailIdentity: 'false' },
  mailFromDomain: { mailFromDomain: 'mail.newsletter.example.com' },
  // Both or neither (config.ts).
  'customDomain, certificateArn': { customDomain: 'dimanche.example.org', certificateArn },
  // Her domain on the CDN: CloudFront takes certificates from us-east-1 only.
  'customDomain, certificateArn, cdnCertificateArn': {
    customDomain: 'dimanche.example.org',
    certificateArn,
    cdnCertificateArn: certificateArn.replace('eu-west-3', 'us-east-1'),
  },
  'account, region': { account: '123456789012', region: 'eu-west-3' },
};

const own = {
  senderAddress: 'dimanche@dimanche.blog.fr',
  authorEmail: 'camille@dimanche.blog.fr',
  operatorEmail: 'ops@dimanche.blog.fr',
  postalAddress: 'Dimanche, 3 rue Oberkampf, 75011 Paris, France',
};

/** The guide's own suggestions (docs/deploy.md, steps 2 and 3, and the README's blog and social sections). */
const SUGGESTED: Combination[] = [
  { name: "the guide's deploy command", context: { publicBaseUrl: 'api', ...own } },
  {
    name: 'publicBaseUrl=api behind a custom domain',
    context: { publicBaseUrl: 'api', ...own, ...ALONE['customDomain, certificateArn'] },
  },
  {
    name: 'publicBaseUrl=api with her domain on the CDN',
    context: { publicBaseUrl: 'api', ...own, ...ALONE['customDomain, certificateArn, cdnCertificateArn'] },
  },
  {
    name: 'her blog by feed and by WordPress.com',
    context: { ...own, ...ALONE.feedUrl, ...ALONE.wordpressSite },
  },
  {
    name: 'every social network announced',
    context: { ...own, ...ALONE.socialNetworks, ...ALONE.socialHashtags, ...ALONE.mastodonMaxCharacters },
  },
  {
    name: 'an English-speaking author',
    context: { ...own, authorLanguage: 'en', timeZone: 'Europe/London' },
  },
  {
    name: 'everything at once, pinned to an account and region',
    context: Object.assign({}, ...Object.values(ALONE), {
      publicBaseUrl: 'api',
      ...own,
      listId: 'Les dimanches <dimanche.dimanche.blog.fr>',
      mailFromDomain: 'mail.dimanche.blog.fr',
      createEmailIdentity: 'true',
    }) as Record<string, string>,
  },
];

export const MATRIX: Combination[] = [
  { name: "cdk.json's defaults", context: {} },
  ...Object.entries(ALONE).map(([name, context]) => ({ name: `${name} alone`, context })),
  ...SUGGESTED,
];
