import type { LambdaContext } from 'hono/aws-lambda';

/** An HTTP API (payload 2.0) event, as API Gateway hands it to the API function. */
export const httpApiEvent = ({
  method,
  path,
  query = '',
  headers = {},
  body,
}: {
  method: string;
  path: string;
  query?: string;
  headers?: Record<string, string>;
  body?: string;
}) => ({
  version: '2.0',
  routeKey: '$default',
  rawPath: path,
  rawQueryString: query,
  headers: { host: 'abc123.execute-api.eu-west-3.amazonaws.com', ...headers },
  requestContext: {
    accountId: '123456789012',
    apiId: 'abc123',
    domainName: 'abc123.execute-api.eu-west-3.amazonaws.com',
    domainPrefix: 'abc123',
    http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'WordPress/6.8' },
    requestId: 'req-1',
    routeKey: '$default',
    stage: '$default',
    time: '24/Nov/2026:10:00:00 +0000',
    timeEpoch: 1_795_515_600_000,
  },
  ...(body === undefined ? {} : { body, isBase64Encoded: false }),
});

export const lambdaContext = { awsRequestId: 'req-1', functionName: 'api' } as unknown as LambdaContext;
