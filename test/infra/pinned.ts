/** The ids these resources were first deployed with. Never edit a line: see `why` below. */
export const PINNED = {
  DataTableFDBAD0F2: {
    type: 'AWS::DynamoDB::Table',
    why: 'every subscriber, issue and campaign: the app would start again with nobody to mail',
  },
  SecretsSecret9A9454FE: {
    type: 'AWS::SecretsManager::Secret',
    why: 'the subscriber id key (every subscriber id is a hash keyed by it), the link keys in sent mails, the blog’s webhook secret',
  },
  DeliverySocialAccounts3FDADB7B: {
    type: 'AWS::SecretsManager::Secret',
    why: 'the social networks’ tokens: nothing would be announced until the author reconnected every account',
  },
  ConnectedAccountsTokenKey: {
    type: 'AWS::KMS::Key',
    why: 'the key her connected accounts’ tokens are sealed with: a new one opens none, so she would reconnect every network',
  },
  ConnectedAccountsApps: {
    type: 'AWS::SecretsManager::Secret',
    why: 'the developer apps the operator registered at each network: a new secret would hold none, and no network could be connected',
  },
  SenderIdentityC573EDB0: {
    type: 'AWS::SES::EmailIdentity',
    why: 'the verified domain and its DKIM keys in DNS: a second identity for the domain fails to create',
  },
} as const;
