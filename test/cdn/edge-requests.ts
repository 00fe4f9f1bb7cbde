import { request } from 'node:http';
import type { Clock } from '../../shared/ports/clock.ts';

export type RawAnswer = { status: number; headers: string[]; body: Buffer };

/** One request on a connection of its own, the answer as it came off the socket: raw header list, raw bytes. */
export const ask = (
  url: string,
  {
    method = 'GET',
    headers = {},
    body,
  }: { method?: string; headers?: Record<string, string>; body?: string } = {},
) =>
  new Promise<RawAnswer>((resolve, reject) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.rawHeaders, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });

/** The header list but the fields that differ between two answers to the same request (their time). */
export const withoutDate = (headers: string[]) =>
  headers.flatMap((part, i) =>
    i % 2 === 0 && part.toLowerCase() !== 'date' ? [part, headers[i + 1] ?? ''] : [],
  );

export const headerOf = (answer: RawAnswer, name: string) => {
  const i = answer.headers.findIndex((part, j) => j % 2 === 0 && part.toLowerCase() === name);
  return i === -1 ? undefined : answer.headers[i + 1];
};

/** A clock the test moves by hand: the edge's copies expire on it, never on the wall. */
export const handClock = (start = '2026-11-29T08:00:00Z') => {
  let now = new Date(start).getTime();
  const clock: Clock & { advance: (seconds: number) => void } = {
    now: () => new Date(now),
    advance: (seconds) => (now += seconds * 1000),
  };
  return clock;
};
