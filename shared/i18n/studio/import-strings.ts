import type { Language } from '../../domain/issue.ts';
import { PLATFORMS } from '../../domain/platforms.ts';
import type { FileProblem, ImportField } from '../../usecases/subscribers/import-subscribers.ts';

/** n and its noun, singular for 0 and 1 as French writes it ("0 ligne refusée"), plural above. */
const fr = (n: string, count: number, one: string, many: string) => `${n} ${count > 1 ? many : one}`;
const en = (n: string, count: number, one: string, many: string) => `${n} ${count === 1 ? one : many}`;

export type ImportCounts = {
  rows: number;
  created: number;
  existing: number;
  duplicates: number;
  suppressed: number;
  invalid: number;
  confirmationsSent: number;
};

/** `format` is the studio's number formatter, so 1 000 reads as she expects. */
type Num = (n: number) => string;

const FR = {
  title: 'Résultat de l’import',
  noFileTitle: 'Aucun fichier choisi',
  noFile: 'Choisissez un fichier CSV (avec une colonne email) puis cliquez sur «\u00a0Importer\u00a0».',
  refusedTitle: 'Fichier non importé',
  nothingWritten: 'Rien n’a été importé et personne n’a reçu d’e-mail.',
  interruptedTitle: 'Import interrompu',
  back: 'Revenir aux abonnés',
  where: (line: number, column: string) => `Ligne ${line}, colonne ${column}\u00a0:`,
  summary: (c: ImportCounts, n: Num) =>
    [
      fr(n(c.rows), c.rows, 'ligne lue', 'lignes lues'),
      fr(n(c.created), c.created, 'abonné ajouté', 'abonnés ajoutés'),
      fr(n(c.existing), c.existing, 'déjà présent', 'déjà présents'),
      fr(n(c.duplicates), c.duplicates, 'doublon', 'doublons'),
      fr(n(c.suppressed), c.suppressed, 'adresse bloquée', 'adresses bloquées'),
    ].join(', ') + '.',
  mails: (sent: number, n: Num) =>
    sent === 0
      ? 'Aucun e-mail de confirmation n’est parti.'
      : `${fr(n(sent), sent, 'e-mail de confirmation est parti', 'e-mails de confirmation sont partis')}.`,
  refusedRows: (count: number, n: Num) => fr(n(count), count, 'ligne refusée', 'lignes refusées'),
  fixRows:
    // One sentence for one refused line or many: the heading above counts them.
    'Corrigez le fichier, puis importez-le à nouveau\u00a0: les abonnés déjà ajoutés restent tels quels et ne reçoivent pas de second e-mail.',
  rowProblem: (field: ImportField, value: string): string =>
    ({
      email: value ? `«\u00a0${value}\u00a0» n’est pas une adresse e-mail.` : 'L’adresse e-mail manque.',
      name: 'Le prénom doit tenir sur une ligne, en 100 caractères au plus.',
      language: `«\u00a0${value}\u00a0»\u00a0: la langue doit être fr ou en.`,
      platform: `«\u00a0${value}\u00a0» n’est pas une plateforme connue (${PLATFORMS.join(', ')}).`,
      paused: `«\u00a0${value}\u00a0»\u00a0: la colonne paused attend true ou false.`,
    })[field],
  fileProblem: (problem: FileProblem): { what: string; todo: string } => {
    const save = 'Enregistrez-le au format «\u00a0CSV UTF-8\u00a0» et importez-le à nouveau.';
    switch (problem.kind) {
      case 'empty':
        return {
          what: 'Le fichier est vide.',
          todo: 'Sa première ligne doit nommer les colonnes, dont «\u00a0email\u00a0».',
        };
      case 'no_email_column':
        return {
          what: 'La première ligne du fichier ne nomme pas de colonne «\u00a0email\u00a0».',
          todo: 'Ajoutez en première ligne le nom des colonnes (email, name, language…), puis importez-le à nouveau.',
        };
      case 'not_utf8':
        return {
          what: `La ligne ${problem.line} n’est pas en UTF-8\u00a0: le tableur a enregistré le fichier dans un autre codage.`,
          todo: save,
        };
      case 'unclosed_quote':
        return {
          what: `Ligne ${problem.line}\u00a0: des guillemets s’ouvrent${problem.field ? ` dans la colonne ${problem.field}` : ''} et ne se ferment jamais.`,
          todo: `Ouvrez le fichier, ajoutez le guillemet fermant à la ligne ${problem.line} (ou retirez l’ouvrant). ${save}`,
        };
      case 'stray_quote':
        return {
          what: `Ligne ${problem.line}\u00a0: un guillemet est mal placé${problem.field ? ` dans la colonne ${problem.field}` : ''}.`,
          todo: `Dans un champ, un guillemet s’écrit doublé ("") et le champ entier se met entre guillemets. Corrigez la ligne ${problem.line}. ${save}`,
        };
      case 'malformed':
        return {
          what: `Ligne ${problem.line}\u00a0: la ligne n’est pas du CSV valide.`,
          todo: `Corrigez la ligne ${problem.line}. ${save}`,
        };
    }
  },
  interrupted: (created: number, lines: string, n: Num) =>
    created === 0
      ? 'Une panne de notre côté a arrêté l’import avant qu’aucun abonné ne soit ajouté.'
      : `Une panne de notre côté a arrêté l’import après ${fr(n(created), created, 'abonné ajouté', 'abonnés ajoutés')} (ligne${created > 1 ? 's' : ''} ${lines}).`,
  interruptedTodo:
    'Relancez le même import dans un moment\u00a0: les abonnés déjà ajoutés restent tels quels et ne reçoivent pas de second e-mail.',
};

export type ImportStrings = typeof FR;

const EN: ImportStrings = {
  ...FR,
  title: 'Import result',
  noFileTitle: 'No file chosen',
  noFile: 'Choose a CSV file (with an email column), then click “Import”.',
  refusedTitle: 'File not imported',
  nothingWritten: 'Nothing was imported and no one was mailed.',
  interruptedTitle: 'Import interrupted',
  back: 'Back to subscribers',
  where: (line, column) => `Line ${line}, column ${column}:`,
  summary: (c, n) =>
    [
      en(n(c.rows), c.rows, 'line read', 'lines read'),
      en(n(c.created), c.created, 'subscriber added', 'subscribers added'),
      `${n(c.existing)} already there`,
      en(n(c.duplicates), c.duplicates, 'duplicate', 'duplicates'),
      en(n(c.suppressed), c.suppressed, 'blocked address', 'blocked addresses'),
    ].join(', ') + '.',
  mails: (sent, n) =>
    sent === 0
      ? 'No confirmation mail was sent.'
      : `${en(n(sent), sent, 'confirmation mail was', 'confirmation mails were')} sent.`,
  refusedRows: (count, n) => en(n(count), count, 'line refused', 'lines refused'),
  fixRows:
    'Fix the file, then import it again: subscribers already added stay as they are and get no second mail.',
  rowProblem: (field, value) =>
    ({
      email: value ? `“${value}” is not an email address.` : 'The email address is missing.',
      name: 'The name must be one line of at most 100 characters.',
      language: `“${value}”: the language must be fr or en.`,
      platform: `“${value}” is not a known platform (${PLATFORMS.join(', ')}).`,
      paused: `“${value}”: the paused column takes true or false.`,
    })[field],
  fileProblem: (problem) => {
    const save = 'Save it as “CSV UTF-8” and import it again.';
    switch (problem.kind) {
      case 'empty':
        return {
          what: 'The file is empty.',
          todo: 'Its first line must name the columns, one of them “email”.',
        };
      case 'no_email_column':
        return {
          what: 'The first line of the file names no “email” column.',
          todo: 'Put the column names (email, name, language…) on the first line, then import it again.',
        };
      case 'not_utf8':
        return { what: `Line ${problem.line} is not UTF-8 text.`, todo: save };
      case 'unclosed_quote':
        return {
          what: `Line ${problem.line}: a quote opens${problem.field ? ` in column ${problem.field}` : ''} and is never closed.`,
          todo: `Add the closing quote on line ${problem.line} (or remove the opening one). ${save}`,
        };
      case 'stray_quote':
        return {
          what: `Line ${problem.line}: a quote is misplaced${problem.field ? ` in column ${problem.field}` : ''}.`,
          todo: `Inside a field a quote is written twice ("") and the whole field is quoted. Fix line ${problem.line}. ${save}`,
        };
      case 'malformed':
        return { what: `Line ${problem.line} is not valid CSV.`, todo: `Fix line ${problem.line}. ${save}` };
    }
  },
  interrupted: (created, lines, n) =>
    created === 0
      ? 'A failure on our side stopped the import before any subscriber was added.'
      : `A failure on our side stopped the import after ${en(n(created), created, 'subscriber was', 'subscribers were')} added (line${created > 1 ? 's' : ''} ${lines}).`,
  interruptedTodo:
    'Run the same import again in a moment: subscribers already added stay as they are and get no second mail.',
};

export const importStrings = (language: Language): ImportStrings => (language === 'en' ? EN : FR);
