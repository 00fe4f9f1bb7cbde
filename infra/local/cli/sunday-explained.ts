/** What `POST /local/sunday` answers, as far as the command line reads it. */
export type SundayAnswer = {
  result: {
    kind: string;
    sunday?: string;
    series?: number;
    issueId?: string;
    audience?: number;
    campaign?: { id: string; startedAt: string; issueId: string };
  };
  nextRuns?: string[];
  issues?: { series: number; title: string; sunday: string; status: string }[];
};

/**
 * One or two plain lines on what happened, above all when nothing was sent: a dispatch that quietly finds no
 * issue is the first thing a newcomer meets when the example's Sunday is not the coming one.
 */
export const explainSunday = (answer: SundayAnswer, options: { dryRun: boolean; asked: boolean }): string => {
  const { result } = answer;
  const listed = (answer.issues ?? []).map((i) => `#${i.series} (${i.sunday}, ${i.status})`).join(', ');
  const known = listed
    ? `Issues here: ${listed}.`
    : 'There is no issue yet: `npm run post -- FILE` stores one.';
  const example = answer.issues?.[0]?.series ?? 34;
  switch (result.kind) {
    case 'no_issue':
      return [
        `Nothing was sent: no issue is planned for Sunday ${result.sunday ?? ''}. ${known}`,
        `To send one anyway, now: npm run sunday -- --now --issue ${example}`,
      ].join('\n');
    case 'unknown_issue':
      return `Nothing was sent: there is no issue #${result.series ?? ''}. ${known}`;
    case 'already_started':
      return result.campaign
        ? `Not sent again: ${result.campaign.issueId} already went out with campaign ${result.campaign.id} (started ${result.campaign.startedAt}).`
        : 'Not sent again: its campaign already started.';
    case 'already_sent':
      return `Not sent again: ${result.issueId ?? 'that issue'} was already sent.`;
    case 'held':
      return `Not sent: ${result.issueId ?? 'that issue'} is held in the studio. Release it there first.`;
    case 'not_rendered':
      return `Not sent: ${result.issueId ?? 'that issue'} has no rendered version yet. Post it again.`;
    case 'dry_run':
      return options.asked
        ? ''
        : `Nothing was sent (a dry run: ${result.audience ?? 0} readers would get it). Run \`npm run sunday -- --now\` to send now.`;
    case 'dispatched':
      return `Sending: campaign ${result.campaign?.id ?? ''} is on its way. The mail viewer shows each mail as it goes.`;
    default:
      return '';
  }
};
