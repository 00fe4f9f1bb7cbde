import { senderEnvironment, senderNodeFlags } from '../../infra/bundling/runtime-flags.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleLikeLambda } from '../lambda-bundle.ts';
import { addReaders, tableWithIssue } from './campaign-fixture.ts';
import { startChild } from './child-process.ts';

type SenderResult = {
  recipients: number;
  sent: number;
  ms: number;
  peakRss: number;
  baselineRss: number;
  atPeak: { heapTotal: number; external: number; arrayBuffers: number };
  checkpoints: { sent: number; retainedHeap: number }[];
};

/**
 * Peak RSS of a fresh sender process sending one campaign to `recipients` confirmed readers. The readers are
 * written here, in the bench's process, so the measured one only pages them as the dispatch does. The sender
 * is bundled as the Lambda functions are and run by plain Node: tsx's loader thread is not the sender's memory.
 */
export const senderPeakRss = async ({ dynamoUrl, recipients }: { dynamoUrl: string; recipients: number }) => {
  const { doc, tableName } = await tableWithIssue(dynamoUrl);
  const setupStart = performance.now();
  await addReaders(doc, tableName, recipients);
  const setupMs = performance.now() - setupStart;
  const bundle = join(mkdtempSync(join(tmpdir(), 'dimanche-sender-')), 'sender.mjs');
  await bundleLikeLambda('bench/delivery/sender-child.ts', bundle);
  const sender = await startChild<SenderResult>(
    bundle,
    [dynamoUrl, tableName, String(recipients)],
    // The flags the sender function runs with (infra/bundling/runtime-flags.ts).
    ['--expose-gc', ...senderNodeFlags],
    senderEnvironment,
  );
  await sender.stop();
  const result = sender.first;
  if (result.sent !== recipients) throw new Error(`the sender sent ${result.sent} of ${recipients}`);
  // Retained bytes per recipient, fitted past the first tenth (which fills the caches that do not grow).
  const slope = leastSquaresSlope(result.checkpoints.slice(1).map((c) => [c.sent, c.retainedHeap]));
  return { ...result, setupMs, retainedPerRecipient: slope };
};

const leastSquaresSlope = (points: [number, number][]) => {
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const mx = mean(points.map(([x]) => x));
  const my = mean(points.map(([, y]) => y));
  const sxy = points.reduce((sum, [x, y]) => sum + (x - mx) * (y - my), 0);
  const sxx = points.reduce((sum, [x]) => sum + (x - mx) ** 2, 0);
  return sxx > 0 ? sxy / sxx : 0;
};
