import type { Child } from 'hono/jsx';
import type { Language } from '../../shared/domain/issue.ts';
import { importStrings } from '../../shared/i18n/studio/import-strings.ts';
import type { ImportMode, ImportReport } from '../../shared/usecases/subscribers/import-subscribers.ts';
import { ButtonLink } from './ui/button-link.tsx';
import { document, Page } from './ui/layout.tsx';
import { Alert, Notice } from './ui/notes.tsx';

type Page = { language: Language; csrf: string; n: (n: number) => string };

/** One page of the import's answer: its title, what happened, the way back to Abonnés. */
export const importPage = (props: Page & { title: string; body: Child }) =>
  document(
    <Page language={props.language} title={props.title} nav="subscribers" csrf={props.csrf}>
      {props.body}
      <p>
        <ButtonLink secondary href="/studio/subscribers">
          {importStrings(props.language).back}
        </ButtonLink>
      </p>
    </Page>,
  );

/** What was imported, and the refused rows by line. */
export const ImportReportBody = (props: Page & { report: ImportReport; mode: ImportMode }) => {
  const { report, mode, n } = props;
  const s = importStrings(props.language);
  return (
    <>
      <Notice>
        {s.summary({ ...report, invalid: report.invalid.length }, n)}
        {mode.kind === 'confirm' ? ` ${s.mails(report.confirmationsSent, n)}` : ''}
      </Notice>
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
};

/** The store failed midway: which lines were written (and perhaps mailed), and what to do. */
export const ImportInterrupted = (
  props: Page & { created: number; lines: string; mailed: number; mode: ImportMode },
) => {
  const s = importStrings(props.language);
  return (
    <>
      <Alert>
        {s.interrupted(props.created, props.lines, props.n)}
        {props.mode.kind === 'confirm' && props.created > 0 ? ` ${s.mails(props.mailed, props.n)}` : ''}
      </Alert>
      <p>{s.interruptedTodo}</p>
    </>
  );
};

/** The file was refused whole: what is wrong, that nothing was written, what to do. */
export const ImportRefused = (props: Page & { what: string; todo: string }) => (
  <>
    <Alert>
      {props.what} {importStrings(props.language).nothingWritten}
    </Alert>
    <p>{props.todo}</p>
  </>
);
