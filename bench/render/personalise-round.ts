import { readFileSync } from 'node:fs';
import { LINK_VARIANTS } from '../../shared/domain/platforms.ts';
import { BATCH_SIZE } from '../../shared/domain/campaign.ts';
import {
  emailIn,
  personaliser,
  type RenderedIssue,
  reusedBodyBuffer,
} from '../../shared/domain/rendered-email.ts';
import { exitWithParent, say } from '../delivery/child-process.ts';
import { cpuMs } from '../stats.ts';

/**
 * One round of the per-recipient side, in a fresh process that holds what a sender holds: the rendered issue
 * as read from the store, no MJML. Readers spread over every link variant; each variant is prepared once, and
 * that is counted in the per-recipient time, and so is a new body buffer per batch of readers, as in
 * shared/usecases/campaign/send-batch.ts. 5,000 recipients warm up, then `recipients` are timed.
 */
exitWithParent();
const [file = '', recipientsArg = '50000'] = process.argv.slice(2);
const rendered = emailIn(JSON.parse(readFileSync(file, 'utf8')) as RenderedIssue, 'fr');

const run = (recipients: number) => {
  let sink = 0;
  const variants = LINK_VARIANTS.map((variant) => personaliser(rendered, variant));
  let bodies = reusedBodyBuffer();
  for (let i = 0; i < recipients; i += 1) {
    // As a sender does: one body buffer per batch, its first reader paying for the memory.
    if (i % BATCH_SIZE === 0) bodies = reusedBodyBuffer();
    const token = `tok_${i.toString(36).padStart(8, '0')}`;
    const personalise = variants[i % variants.length] as (typeof variants)[number];
    const mail = personalise(
      {
        unsubscribeUrl: `https://n.example/u/${token}`,
        preferencesUrl: `https://n.example/preferences/${token}`,
      },
      bodies,
    );
    // The bodies come out as the UTF-8 bytes the MIME message needs: nothing is left to encode later.
    sink += mail.html.length + mail.text.length;
  }
  if (sink === 0) throw new Error('personalisation produced nothing');
  return variants.length;
};
run(5_000);
const recipients = Number(recipientsArg);
const start = performance.now();
const cpuStart = process.cpuUsage();
const variants = run(recipients);
say({ ms: (performance.now() - start) / recipients, cpuMs: cpuMs(cpuStart) / recipients, variants });
process.exit(0);
