import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RecordedInvalidation = {
  distributionId: string;
  reference: string;
  paths: string[];
  authorization: string;
};

/**
 * CloudFront's CreateInvalidation (REST-XML, `POST /2020-05-31/distribution/{id}/invalidation`) on 127.0.0.1:
 * records each batch and answers as CloudFront does; a reference seen before returns the first invalidation.
 * `failNext` answers the next calls with a 503 throttle.
 */
export const startFakeCloudFront = async () => {
  const invalidations: RecordedInvalidation[] = [];
  let failures = 0;
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const match = /^\/2020-05-31\/distribution\/([^/]+)\/invalidation$/.exec(request.url ?? '');
      if (request.method !== 'POST' || !match?.[1]) {
        response.writeHead(404).end();
        return;
      }
      if (failures > 0) {
        failures -= 1;
        response.writeHead(503, { 'content-type': 'text/xml' });
        response.end(
          '<ErrorResponse><Error><Type>Receiver</Type><Code>ServiceUnavailable</Code><Message>busy</Message></Error></ErrorResponse>',
        );
        return;
      }
      const paths = [...body.matchAll(/<Path>([^<]*)<\/Path>/g)].map((m) => m[1] ?? '');
      const reference = /<CallerReference>([^<]*)<\/CallerReference>/.exec(body)?.[1] ?? '';
      const seen = invalidations.findIndex((i) => i.reference === reference && i.distributionId === match[1]);
      if (seen < 0) {
        invalidations.push({
          distributionId: match[1],
          reference,
          paths,
          authorization: request.headers.authorization ?? '',
        });
      }
      const id = `I${seen < 0 ? invalidations.length : seen + 1}`;
      response.writeHead(201, {
        'content-type': 'text/xml',
        location: `https://cloudfront.amazonaws.com/2020-05-31/distribution/${match[1]}/invalidation/${id}`,
      });
      response.end(
        `<?xml version="1.0"?><Invalidation xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Id>${id}</Id><Status>InProgress</Status><CreateTime>2026-12-06T08:00:00Z</CreateTime><InvalidationBatch><Paths><Quantity>${paths.length}</Quantity><Items>${paths.map((p) => `<Path>${p}</Path>`).join('')}</Items></Paths><CallerReference>${reference}</CallerReference></InvalidationBatch></Invalidation>`,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    invalidations,
    failNext: (count: number) => void (failures = count),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
