import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import { mediaTypeOf } from '../http/media-type.ts';
import { HttpProblem, invalidFields, unsupportedMediaType } from '../http/problem.ts';
import { parseImportQuery } from '../../shared/usecases/subscribers/admin-queries.ts';
import {
  apiReport,
  fileProblemDetail,
  lineRanges,
} from '../../shared/usecases/subscribers/csv/import-messages.ts';
import type { SubscriberContext } from '../subscribers/subscriber-context.ts';

/**
 * `POST /admin/subscribers/import`: a CSV body, read whole before anything is written. A file that is not CSV
 * is a 422 naming the line, and nothing is written or mailed; an otherwise good file imports its good rows and
 * lists the others by line. A storage failure midway is a 503 saying what was written.
 */
export const adminSubscriberImportRoutes = (deps: AppDeps, ctx: SubscriberContext) =>
  new Hono().post('/', async (c) => {
    const type = mediaTypeOf(c);
    if (type !== 'text/csv') throw unsupportedMediaType('Send text/csv', type, 'text/csv');
    const query = parseImportQuery(c.req.query());
    if (!query.ok) throw invalidFields(query.errors);
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length === 0) throw invalidFields([{ pointer: '/', detail: 'the CSV body is empty' }]);
    const [{ readImportCsv }, { importSubscribers, ImportInterruptedError }] = await Promise.all([
      import('../../shared/usecases/subscribers/csv/csv-import.ts'),
      import('../../shared/usecases/subscribers/import-subscribers.ts'),
    ]);
    const mode = { kind: query.value.mode, source: query.value.source } as const;
    const file = readImportCsv(bytes, deps.settings.defaultLanguage);
    const outcome = await importSubscribers(file, mode, await ctx.useCaseDeps()).catch((error: unknown) => {
      if (!(error instanceof ImportInterruptedError)) throw error;
      const { report, createdLines } = error;
      deps.logger.error('subscriber import interrupted', { error, created: report.created });
      throw new HttpProblem(
        503,
        'import-interrupted',
        'The import stopped midway',
        `A storage failure stopped the import after ${report.created} new subscribers` +
          (createdLines.length ? ` (lines ${lineRanges(createdLines)})` : '') +
          `. Run the same import again: those are kept as they are and get no second mail.`,
        { written: { created: report.created, lines: lineRanges(createdLines) }, report: apiReport(report) },
      );
    });
    if (!outcome.ok) {
      const error = fileProblemDetail(outcome.problem);
      throw new HttpProblem(
        422,
        'invalid-csv',
        'The file is not valid CSV',
        `${error.detail}. Nothing was imported and no one was mailed.`,
        { errors: [error], ...('line' in outcome.problem ? { line: outcome.problem.line } : {}) },
      );
    }
    const { report } = outcome;
    deps.logger.info('subscribers imported', { mode: mode.kind, ...report, invalid: report.invalid.length });
    return c.json(apiReport(report));
  });
