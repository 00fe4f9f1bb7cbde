import { basename } from 'node:path';

export type ApiReport = {
  rows: number;
  created: number;
  existing: number;
  duplicates: number;
  suppressed: number;
  confirmationsSent: number;
  confirmationsFailed: number;
  invalid: { line: number; detail: string }[];
};

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const SHOWN = 50;

/** The admin API's import report as plain lines, the refused rows by line. */
export const importReportLines = (file: string, report: ApiReport): string[] => {
  const lines = [
    `${basename(file)}: ${count(report.rows, 'row')} read, ${report.created} added, ${report.existing} already there, ${count(report.duplicates, 'duplicate')}, ${report.suppressed} blocked (bounced, complained or erased).`,
  ];
  if (report.confirmationsSent + report.confirmationsFailed > 0)
    lines.push(
      `${count(report.confirmationsSent, 'confirmation mail')} sent` +
        (report.confirmationsFailed ? `, ${report.confirmationsFailed} could not be sent.` : '.'),
    );
  if (report.invalid.length === 0) return lines;
  lines.push(
    `${count(report.invalid.length, 'line')} refused. Fix ${report.invalid.length === 1 ? 'it' : 'them'} and import the file again: those added stay as they are and get no second mail.`,
  );
  for (const { line, detail } of report.invalid.slice(0, SHOWN)) lines.push(`  line ${line}: ${detail}`);
  if (report.invalid.length > SHOWN) lines.push(`  … and ${report.invalid.length - SHOWN} more`);
  return lines;
};

/** A problem+json answer as the one or two lines a person needs. */
export const problemLines = (problem: { status?: number; title?: string; detail?: string }): string[] => [
  problem.detail ? `${problem.detail}` : `${problem.status ?? ''} ${problem.title ?? ''}`.trim(),
];
