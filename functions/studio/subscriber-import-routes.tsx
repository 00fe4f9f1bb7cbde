import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import type { ImportMode, ImportReport } from '../../shared/usecases/subscribers/import-subscribers.ts';
import { lineRanges } from '../../shared/usecases/subscribers/csv/import-messages.ts';
import { subscriberContext } from '../subscribers/subscriber-context.ts';
import { formatter } from './format.ts';
import { importStrings } from './import-strings.ts';
import { document, Layout } from './layout.tsx';
import type { StudioEnv } from './session.ts';
import type { StudioDeps } from './studio-deps.ts';

/**
 * `POST /studio/subscribers/import`, the Abonnés page's CSV form. The file is read whole first: a broken one
 * writes nothing, mails no one, and gets a page naming the line to fix; a good one with some bad rows imports
 * the rest and lists the bad ones by line.
 */
export const subscriberImportRoutes = (deps: StudioDeps) => {
  const { language } = deps.studio;
  const s = importStrings(language);
  const n = formatter(language, deps.settings.timeZone).number;
  const ctx = subscriberContext(deps);

  const ReportBody = ({ report, mode }: { report: ImportReport; mode: ImportMode }) => (
    <>
      <p class="notice" role="status">
        {s.summary({ ...report, invalid: report.invalid.length }, n)}
        {mode.kind === 'confirm' ? ` ${s.mails(report.confirmationsSent, n)}` : ''}
      </p>
      {report.invalid.length > 0 ? (
        <>
          <h2>{s.refusedRows(report.invalid.length, n)}</h2>
          <p>{s.fixRows}</p>
          {/* A list, not a table: at 375 px three narrow columns would break "Ligne" mid-word. */}
          <ul>
            {report.invalid.map((row) => (
              <li>
                <strong>{s.where(row.line, row.field)}</strong> {s.rowProblem(row.field, row.value)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );

  return new Hono<StudioEnv>().post('/import', async (c) => {
    const page = (title: string, status: 200 | 422 | 503, body: Child) =>
      c.html(
        document(
          <Layout language={language} title={title} nav="subscribers" csrf={c.get('session').csrfToken}>
            <h1>{title}</h1>
            {body}
            <p>
              <a class="button secondary" href="/studio/subscribers">
                {s.back}
              </a>
            </p>
          </Layout>,
        ),
        status,
      );
    const form = await c.req.parseBody();
    const file = form.file;
    // With no file chosen, browsers still send the field: an unnamed, empty file.
    if (!(file instanceof File) || (file.size === 0 && file.name === ''))
      return page(s.noFileTitle, 422, <p class="alert">{s.noFile}</p>);
    const source =
      typeof form.source === 'string' && form.source.trim()
        ? form.source.trim().slice(0, 200)
        : 'studio import';
    const mode: ImportMode = { kind: form.mode === 'consented' ? 'consented' : 'confirm', source };
    const [{ readImportCsv }, { importSubscribers, ImportInterruptedError }] = await Promise.all([
      import('../../shared/usecases/subscribers/csv/csv-import.ts'),
      import('../../shared/usecases/subscribers/import-subscribers.ts'),
    ]);
    const parsed = readImportCsv(new Uint8Array(await file.arrayBuffer()), deps.settings.defaultLanguage);
    const outcome = await importSubscribers(parsed, mode, await ctx.useCaseDeps()).catch((error: unknown) => {
      if (!(error instanceof ImportInterruptedError)) throw error;
      deps.logger.error('subscriber import interrupted', { error, by: 'studio' });
      return { interrupted: error };
    });
    if ('interrupted' in outcome) {
      const { report, createdLines } = outcome.interrupted;
      return page(
        s.interruptedTitle,
        503,
        <>
          <p class="alert" role="alert">
            {s.interrupted(report.created, lineRanges(createdLines), n)}
            {mode.kind === 'confirm' && report.created > 0 ? ` ${s.mails(report.confirmationsSent, n)}` : ''}
          </p>
          <p>{s.interruptedTodo}</p>
        </>,
      );
    }
    if (!outcome.ok) {
      const { what, todo } = s.fileProblem(outcome.problem);
      deps.logger.info('subscriber import refused', { by: 'studio', problem: outcome.problem.kind });
      return page(
        s.refusedTitle,
        422,
        <>
          <p class="alert" role="alert">
            {what} {s.nothingWritten}
          </p>
          <p>{todo}</p>
        </>,
      );
    }
    const { report } = outcome;
    deps.logger.info('subscribers imported', {
      by: 'studio',
      mode: mode.kind,
      rows: report.rows,
      invalid: report.invalid.length,
    });
    return page(s.title, 200, <ReportBody report={report} mode={mode} />);
  });
};
