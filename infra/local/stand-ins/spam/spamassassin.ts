import { spawn } from 'node:child_process';

export type SpamHit = { points: number; rule: string; description: string };
export type SpamReport = { score: number; required: number; hits: SpamHit[] };

/**
 * Scores a raw message with SpamAssassin's own rules, offline (`-L`: no DNS blocklists, no Razor/Pyzor), in
 * test mode (`-t`: the report is appended, the message is not changed). The rules are those the Debian package
 * ships (no `sa-update` here).
 */
export const scoreWithSpamAssassin = (raw: Buffer, binary = 'spamassassin'): Promise<SpamReport> =>
  new Promise((resolve, reject) => {
    const child = spawn(binary, ['-L', '-t'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', () => {
      const report = parseReport(out);
      if (report) resolve(report);
      else reject(new Error(`spamassassin gave no report: ${err.slice(0, 500)}`));
    });
    child.stdin.end(raw);
  });

/** The "Content analysis details" block: a total, then one `pts rule description` line a rule. */
export const parseReport = (output: string): SpamReport | undefined => {
  const header = /Content analysis details:\s+\((-?[\d.]+) points, ([\d.]+) required\)/.exec(output);
  if (!header) return undefined;
  const hits: SpamHit[] = [];
  const table = output.slice(header.index).split('\n').slice(1);
  for (const line of table) {
    const row = /^\s*(-?\d+(?:\.\d+)?)\s+([A-Z0-9_]+)\s+(.*)$/.exec(line);
    if (row) hits.push({ points: Number(row[1]), rule: row[2] ?? '', description: (row[3] ?? '').trim() });
    else if (/^\s{20,}\S/.test(line) && hits.length > 0) {
      const last = hits[hits.length - 1];
      if (last) last.description += ` ${line.trim()}`;
    }
  }
  return { score: Number(header[1]), required: Number(header[2]), hits };
};
