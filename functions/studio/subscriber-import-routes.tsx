import { Hono } from 'hono';
import { formatter } from '../../shared/i18n/studio/format.ts';
import { importStrings } from '../../shared/i18n/studio/import-strings.ts';
import { chosenFile } from '../../shared/domain/studio/chosen-file.ts';
import { lineRanges } from '../../shared/usecases/subscribers/csv/import-messages.ts';
import { subscriberContext } from '../subscribers/subscriber-context.ts';
import type { StudioEnv } from './session.ts';
import type { StudioDeps } from './studio-deps.ts';
import {
  ImportInterrupted,
  importPage,
  ImportRefused,
  ImportReportBody,
} from '../../emails/studio/subscriber-import-pages.tsx';

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

  return new Hono<StudioEnv>().post('/import', async (c) => {
    const page = { language, n, csrf: c.get('session').csrfToken };
    const form = await c.req.parseBody();
    const file = chosenFile(form.file);
    if (!file)
      return c.html(
        importPage({ ...page, title: s.noFileTitle, body: <p class="alert">{s.noFile}</p> }),
        422,
      );
    // Loaded on first use: the CSV parser and the import stay out of every other page's cold start.
    const [{ readImportCsv }, { importModeOf, importReaders }] = await Promise.all([
      import('../../shared/usecases/subscribers/csv/csv-import.ts'),
      import('../../shared/usecases/studio/import-readers.ts'),
    ]);
    const mode = importModeOf(form);
    const parsed = readImportCsv(new Uint8Array(await file.arrayBuffer()), deps.settings.defaultLanguage);
    const outcome = await importReaders(parsed, mode, await ctx.useCaseDeps());
    if ('interrupted' in outcome) {
      const { report, createdLines } = outcome.interrupted;
      deps.logger.error('subscriber import interrupted', { error: outcome.interrupted, by: 'studio' });
      const lines = lineRanges(createdLines);
      const body = (
        <ImportInterrupted
          {...page}
          created={report.created}
          lines={lines}
          mailed={report.confirmationsSent}
          mode={mode}
        />
      );
      return c.html(importPage({ ...page, title: s.interruptedTitle, body }), 503);
    }
    if (!outcome.ok) {
      deps.logger.info('subscriber import refused', { by: 'studio', problem: outcome.problem.kind });
      const body = <ImportRefused {...page} {...s.fileProblem(outcome.problem)} />;
      return c.html(importPage({ ...page, title: s.refusedTitle, body }), 422);
    }
    const { report } = outcome;
    deps.logger.info('subscribers imported', {
      by: 'studio',
      mode: mode.kind,
      rows: report.rows,
      invalid: report.invalid.length,
    });
    return c.html(
      importPage({
        ...page,
        title: s.title,
        body: <ImportReportBody {...page} report={report} mode={mode} />,
      }),
    );
  });
};
