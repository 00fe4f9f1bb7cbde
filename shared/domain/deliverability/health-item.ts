/** ok: nothing to do; warn: works, but worth fixing; fail: the next Sunday would not reach everyone. */
export type HealthStatus = 'ok' | 'warn' | 'fail';

/** One line of a check, in both languages the project speaks: the operator's CLI and the author's studio. */
export type HealthText = { en: string; fr: string };

/** One check: what it found and, unless ok, what to do, in one sentence. */
export type HealthItem = { id: string; status: HealthStatus; text: HealthText };

/** A run of every check, as the studio shows it and the eve reminder quotes it. */
export type HealthReport = { checkedAt: string; items: readonly HealthItem[] };

export const item = (id: string, status: HealthStatus, en: string, fr: string): HealthItem => ({
  id,
  status,
  text: { en, fr },
});

/** A probe that did not answer: the check cannot vouch for the Sunday, so it fails. */
export const unanswered = (id: string, what: HealthText, error: string): HealthItem =>
  item(
    id,
    'fail',
    `${what.en}: could not check (${error}); fix the access and run again`,
    `${what.fr} : vérification impossible (${error}) ; corrigez l'accès et relancez`,
  );

export const failing = (items: readonly HealthItem[]): HealthItem[] =>
  items.filter((i) => i.status === 'fail');
