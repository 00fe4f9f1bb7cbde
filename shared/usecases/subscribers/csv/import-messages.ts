import type { FileProblem, ImportField, ImportReport, RowProblem } from '../import-subscribers.ts';

/** English, for the admin API and the CLI that prints its answers. The studio has its own words. */
const ROW_RULES: Record<ImportField, (value: string) => string> = {
  email: () => 'must be a valid email address',
  name: () => 'must be one line of at most 100 characters',
  language: () => 'must be fr or en',
  platform: (value) => `unknown platform "${value}"`,
  paused: () => 'must be true or false',
};

export const rowDetail = ({ field, value }: Pick<RowProblem, 'field' | 'value'>) =>
  `${field}: ${ROW_RULES[field](value)}`;

export const fileProblemDetail = (problem: FileProblem): { pointer: string; detail: string } => {
  switch (problem.kind) {
    case 'empty':
      return { pointer: '/', detail: 'the file is empty: its first line must name the columns' };
    case 'no_email_column':
      return { pointer: '/columns', detail: 'the first line must name the columns, one of them "email"' };
    case 'not_utf8':
      return {
        pointer: `/line/${problem.line}`,
        detail: `line ${problem.line} is not UTF-8 text: save the file as "CSV UTF-8"`,
      };
    default: {
      const where = `line ${problem.line}${problem.field ? `, column ${problem.field}` : ''}`;
      const what =
        problem.kind === 'unclosed_quote'
          ? 'a quote opens a field and is never closed'
          : problem.kind === 'stray_quote'
            ? 'a quote stands inside a field that is not quoted (double it, or quote the whole field)'
            : 'the line is not valid CSV';
      return {
        pointer: `/line/${problem.line}${problem.field ? `/${problem.field}` : ''}`,
        detail: `${where}: ${what}`,
      };
    }
  }
};

/** "2-5, 9": the lines an interrupted import wrote, short enough to read. */
export const lineRanges = (lines: readonly number[]): string => {
  const ranges: [number, number][] = [];
  for (const line of lines) {
    const last = ranges.at(-1);
    if (last && line === last[1] + 1) last[1] = line;
    else ranges.push([line, line]);
  }
  return ranges.map(([from, to]) => (from === to ? String(from) : `${from}-${to}`)).join(', ');
};

/** An import's report as the admin API answers it: each refused row with its line and what to fix. */
export const apiReport = (report: ImportReport) => ({
  ...report,
  invalid: report.invalid.map(({ line, field, value }) => ({
    line,
    field,
    detail: rowDetail({ field, value }),
  })),
});
