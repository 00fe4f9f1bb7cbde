import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeAccountState } from './account-state.ts';

// The read-only calls `npm run doctor` makes, as SES v2, Lambda and Secrets Manager answer them
// (aws-ses-v2-local answers GetAccount with fixed values and has no identities, so this stands in for all three).

const json = (res: ServerResponse, status: number, body: unknown, errorType?: string) => {
  res.writeHead(status, {
    'content-type': 'application/json',
    ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
  });
  res.end(JSON.stringify(body));
};

const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

const sesAnswer = (state: FakeAccountState, res: ServerResponse, path: string) => {
  if (path === '/v2/email/account')
    return json(res, 200, {
      ProductionAccessEnabled: state.productionAccess,
      SendingEnabled: state.sendingEnabled,
      SendQuota: { Max24HourSend: state.max24HourSend, MaxSendRate: state.maxSendRate, SentLast24Hours: 0 },
    });
  // ListEmailIdentities: GET /v2/email/identities in SES's reference, POST list-identities in newer SDKs.
  if (path === '/v2/email/identities' || path === '/v2/email/list-identities')
    return json(res, 200, {
      EmailIdentities: state.verifiedAddresses.map((address) => ({
        IdentityName: address,
        IdentityType: 'EMAIL_ADDRESS',
        SendingEnabled: true,
        VerificationStatus: 'SUCCESS',
      })),
    });
  const name = decodeURIComponent(path.slice('/v2/email/identities/'.length));
  const identity = state.identity;
  if (!identity || identity.domain !== name)
    return json(res, 404, { message: `Email identity ${name} does not exist.` }, 'NotFoundException');
  return json(res, 200, {
    IdentityType: 'DOMAIN',
    VerifiedForSendingStatus: identity.dkimStatus === 'SUCCESS',
    DkimAttributes: { Status: identity.dkimStatus, Tokens: identity.dkimTokens, SigningEnabled: true },
    MailFromAttributes: {
      MailFromDomain: identity.mailFromDomain,
      MailFromDomainStatus: identity.mailFromStatus,
      BehaviorOnMxFailure: 'USE_DEFAULT_VALUE',
    },
  });
};

/** One server on 127.0.0.1 for the three services; `state` is read at each request, so tests may change it. */
export const startAccountFake = async (state: FakeAccountState): Promise<{ url: string; server: Server }> => {
  const server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://fake').pathname;
      if (path === '/v2/email/list-identities' || (req.method === 'GET' && path.startsWith('/v2/email/')))
        return sesAnswer(state, res, path);
      if (req.method === 'GET' && path.startsWith('/2016-08-19/account-settings'))
        return json(res, 200, {
          AccountLimit: {
            ConcurrentExecutions: state.concurrencyLimit,
            UnreservedConcurrentExecutions: state.concurrencyLimit,
          },
          AccountUsage: { FunctionCount: 0 },
        });
      const target = String(req.headers['x-amz-target'] ?? '');
      if (req.method === 'POST' && target === 'secretsmanager.GetSecretValue') {
        const { SecretId } = JSON.parse(await readBody(req)) as { SecretId: string };
        const value = state.secrets[SecretId];
        return value === undefined
          ? json(res, 400, { __type: 'ResourceNotFoundException', message: `${SecretId} not found` })
          : json(res, 200, { ARN: SecretId, Name: SecretId, SecretString: value });
      }
      json(res, 404, { message: `not faked: ${req.method ?? ''} ${path}` }, 'UnknownOperationException');
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
};
