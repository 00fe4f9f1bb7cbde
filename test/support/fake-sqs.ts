import { createHash } from 'node:crypto';
import { type FakeServer, fakeServer, json } from './fake-aws.ts';

/**
 * SQS's JSON protocol, as much as our workers use: SendMessage (answered with its body's MD5, which the client
 * checks) and ChangeMessageVisibility. The SQS client sends each call to its queue URL's host.
 */
export const fakeSqs = async (): Promise<FakeServer & { queueUrl: (name: string) => string }> => {
  const server = await fakeServer((request, res) => {
    const body = JSON.parse(request.body) as { MessageBody?: string };
    if (String(request.headers['x-amz-target']).endsWith('SendMessage'))
      return json(res, 200, {
        MessageId: `m-${server.requests.length}`,
        MD5OfMessageBody: createHash('md5')
          .update(body.MessageBody ?? '')
          .digest('hex'),
      });
    json(res, 200, {});
  });
  return { ...server, queueUrl: (name) => `${server.url}/123456789012/${name}` };
};

/** What a fake SQS was asked, in order. */
export const sqsCalls = (sqs: FakeServer) =>
  sqs.requests.map((r) => ({
    action: String(r.headers['x-amz-target']),
    body: JSON.parse(r.body) as Record<string, unknown>,
  }));
