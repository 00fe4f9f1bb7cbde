import type { AuthorStrings } from './author-strings.ts';

const plural = (count: string, one: string, many: string) => (count === '1' ? one : many);

const warningCount = (n: string) => `${n} ${plural(n, 'warning', 'warnings')}`;
const ONLY_HERE = 'This box shows only in the preview and the test mail: readers never see it.';

/** The author's mails in English (AUTHOR_LANGUAGE=en). */
export const AUTHOR_STRINGS_EN: AuthorStrings = {
  locale: 'en-GB',
  clock: (hour, minute) => `${hour}:${String(minute).padStart(2, '0')}`,
  dayAt: (day, time) => `${day} at ${time}`,
  kicker: 'DIMANCHE · YOUR NEWSLETTER',
  footer: 'A message from Dimanche, the tool that sends your newsletter. Every detail is in the studio:',
  list: (items) =>
    items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`,
  track: (position, artist, title) =>
    artist && title ? `Track ${position} (${artist} – ${title})` : `Track ${position}`,
  issueCover: 'Issue cover',
  trackCover: (track) => `${track}, cover`,
  warningLine: {
    dead_link: (track, w) => `${track}: the link is dead (${w.detail}) — ${w.url}`,
    unreachable_link: (track, w) => `${track}: the link did not answer (${w.detail}) — ${w.url}`,
    dead_cover: (track, w) => `${track}: the image does not load (${w.detail}) — ${w.url}`,
    non_public_address: (track, w) =>
      `${track}: not a public address, never checked (${w.detail}) — ${w.url}`,
    unresolved: (track, w) =>
      `${track}: no other platforms found (${w.detail}); the mail carries your link only — ${w.url}`,
    repeated_track: (track, w, sunday) =>
      `${track}: already in #${w.earlier.series} of ${sunday}, track ${w.earlier.position} (${w.match === 'isrc' ? 'same ISRC' : 'same artist and title'})`,
  },
  warningCount,
  staleCheck: 'checked on an earlier version of the post',
  groupTitle: {
    dead_link: (n) => `${n} ${plural(n, 'dead link', 'dead links')}`,
    unreachable_link: (n) => `${n} ${plural(n, 'link', 'links')} out of reach for now`,
    dead_cover: (n) => `${n} ${plural(n, 'missing image', 'missing images')}`,
    non_public_address: (n) => `${n} ${plural(n, 'address', 'addresses')} not public`,
    unresolved: (n) => `${n} ${plural(n, 'track', 'tracks')} with no other platforms`,
    repeated_track: (n) => `${n} ${plural(n, 'track', 'tracks')} featured before`,
    missing_platforms: (n) => `${n} ${plural(n, 'track', 'tracks')} missing on some platforms`,
  },
  groupHint: {
    dead_link:
      'To fix: replace the link in the WordPress post, then update the post. The mail is redone from it.',
    unreachable_link:
      'Often temporary (a slow site, an outage). The eve check tries again; if it stays, change the link.',
    dead_cover: 'Replace the image in the post, then update it.',
    non_public_address:
      'To fix: these addresses lead to a private or local network (127.0.0.1, 10.…, 192.168.…) your readers cannot open; Dimanche does not visit them. Replace them in the WordPress post, then update it.',
    unresolved:
      'Check that the link leads to the song. Nothing is blocked otherwise: readers get your link only.',
    repeated_track: 'Nothing to do if you meant it; otherwise change the track in the post.',
    missing_platforms:
      'Nothing to do: readers of those platforms get the song.link page for these tracks, which lists the others.',
  },
  missingLine: (platform, count, positions) =>
    `${platform}: ${count} ${plural(count, 'track', 'tracks')} (no. ${positions})`,
  banner: {
    heading: (n) => `${warningCount(n)} for this issue. ${ONLY_HERE}`,
    sizeOnly: `To check on this issue. ${ONLY_HERE}`,
    size: (kb, limit, clipped) =>
      clipped
        ? `This mail is ${kb} KB: Gmail clips it after ${limit} KB and hides the rest, unsubscribe link included. Shorten the story or the playlist.`
        : `This mail is ${kb} KB, close to the ${limit} KB after which Gmail clips it and hides the rest. Keep it from growing.`,
  },
  warnings: {
    subject: (s, n) => `${s.name}: ${warningCount(n)}`,
    heading: (s) => `${s.name}: to check before Sunday`,
    intro: (s, n) =>
      `Issue ${s.name}, due on ${s.sunday}, has ${warningCount(n)}. Nothing is blocked: fix the post and update it, or leave it as it is.`,
    closing: 'You will get this message again only if the list changes.',
    button: 'See the issue in the studio',
  },
  report: {
    subject: (s, sent, audience) => `Sent: ${s.name}, to ${sent} of ${audience} subscribers`,
    heading: (s) => `${s.name} is out`,
    intro: (s, started, finished) =>
      `The send of ${s.sunday} started on ${started} and ended on ${finished}.`,
    audience: 'Subscribers at the start',
    delivered: 'Sent',
    failed: 'Failed',
    ambiguous: 'Uncertain',
    skipped: 'Unsubscribed during the send',
    ambiguousHint:
      'Uncertain: the send stopped during the call to Amazon SES. These are not sent again, to avoid duplicates; the studio says whether they arrived.',
    paused: (resume) =>
      `Amazon SES reached its daily sending limit during the send: it paused, and went on by itself from ${resume}.`,
    mostPlayed: (pick) => `Most played so far: ${pick}.`,
    noClicks: 'No plays yet: the first clicks come within the hour.',
    previous: (series, pick) => `On #${series}, after its week: ${pick}.`,
    pick: (track, clicks, split) => `${track}, ${clicks} ${plural(clicks, 'click', 'clicks')} (${split})`,
    postsTitle: 'Social announcements',
    noNetworks: 'No social network configured.',
    noOutcome: 'no news: the announcement was not handled',
    postState: {
      calling: 'being posted',
      waiting: 'waiting to be posted',
      uncertain: 'being checked (the network did not answer)',
      published: 'posted',
      duplicate: 'already posted',
      unconfirmed: 'NOT CONFIRMED: check the account by hand',
      failed: 'FAILED',
      needs_reconnect: 'NOT POSTED: the account needs reconnecting',
      skipped: 'not posted',
    },
    button: 'See the full report',
  },
  eve: {
    subject: (when, s, n) => `${when}: ${s.name} goes out to ${n} ${plural(n, 'subscriber', 'subscribers')}`,
    heading: (when, s) => `${when}, ${s.name}`,
    intro: (when, n) =>
      `${when}, the newsletter goes out to ${n} ${plural(n, 'subscriber', 'subscribers')}, and the social announcements with it.`,
    noWarnings: 'All in order: no warnings.',
    withWarnings: (n) =>
      `Still ${warningCount(n)}. Nothing is blocked; if something needs fixing, now is the time.`,
    button: 'See the week in the studio',
    tomorrow: (time) => `Tomorrow ${time}`,
    onDay: (day, time) => `On ${day} at ${time}`,
    deliverability: (n) =>
      `Careful: the sending account has ${n} ${plural(n, 'problem', 'problems')} that ${plural(n, 'keeps', 'keep')} the newsletter from reaching everyone (Settings → Deliverability):`,
    deliverabilityLine: (text) => `– ${text.en}`,
    silentNetworks: (count) =>
      count === 1
        ? 'One network will not post the announcement:'
        : `${count} networks will not post the announcement:`,
    silentNetwork: (network, why) =>
      `– ${network}: ${
        {
          not_connected: 'not connected (“Connect” in the settings)',
          to_reconnect: 'needs reconnecting (“Reconnect” in the settings)',
          expires: 'its access ends before the send (“Reconnect” in the settings)',
        }[why]
      }`,
  },
  nothingDue: {
    subject: (when) => `${when}: no issue planned`,
    heading: 'Nothing goes out on Sunday',
    body: (sunday) =>
      `No issue is planned for ${sunday}. If you want one, publish the post on WordPress before then: it is picked up by itself. Otherwise, nothing to do.`,
    button: 'Open the studio',
  },
  tooLate: {
    subject: (s) => `Not sent: ${s.name}, too late this Sunday`,
    heading: 'The newsletter did not go out',
    body: (s, deadline) =>
      `${s.name} was due on ${s.sunday}, but the send could only start after ${deadline}, when a Sunday-morning playlist is no longer news. Nothing went out. You can send it by hand from the studio, or move it to another Sunday.`,
    button: 'See the issue',
  },
  notRendered: {
    subject: (s) => `Not sent: ${s.name} is not ready`,
    heading: 'The newsletter did not go out',
    body: (s) =>
      `${s.name} was due on ${s.sunday}, but its email version was not prepared. Update the post on WordPress to redo it, then send it from the studio.`,
    button: 'See the issue',
  },
  quota: {
    subject: (s) => `Paused: ${s.name}, the day's sending limit reached`,
    heading: 'The send is paused',
    body: (s, sent, audience, resume) =>
      `Amazon SES reached its daily sending limit during ${s.name}: ${sent} of ${audience} mails went out. The rest goes on by itself from ${resume}; nothing to do, unless you ask AWS for a higher limit if it happens again.`,
    button: 'Follow the send',
  },
  feed: {
    subject: 'Your blog is not answering',
    heading: 'Your blog is not answering',
    body: (failures, url, detail) => [
      `Your feed could not be read ${failures} times in a row (once every 15 minutes): ${url} (${detail}).`,
      'While it does not answer, new posts do not reach the newsletter. Nothing is lost: once it answers again, the posts published meanwhile are taken in.',
      'If your blog moved, give the new address of its feed (FEED_URL).',
    ],
    notPublic: (url) =>
      `Not a public address: ${url} leads to a private or local network (127.0.0.1, 10.…, 192.168.…), which Dimanche never visits. Give the public address of your blog’s feed (FEED_URL).`,
    button: 'See the settings',
  },
  blogNotPublic: {
    subject: 'Not a public address: post not taken',
    heading: 'Not a public address',
    body: (url) => [
      `To take a post, your blog’s API led to ${url}, which is not a public address (a private or local network: 127.0.0.1, 10.…, 192.168.…). Dimanche never visits such addresses: nothing was read from it.`,
      'A post announced by WordPress is not taken; a post read from the feed is taken as the feed gives it. Check your blog’s API address (WORDPRESS_API_URL) and its redirects.',
    ],
    button: 'See the settings',
  },
  social: {
    reconnectSubject: (network) => `${network}: the account needs reconnecting`,
    reconnectHeading: (network) => `${network} refused the connection`,
    reconnectBody: (network, reason, s) => [
      `${network} refused Dimanche’s credentials (${reason}); the announcement of ${s.name} did not appear there.`,
      'Nothing more is posted there until the account is reconnected; the other networks are not affected.',
    ],
    accountSubject: (network) => `${network}: the account needs reconnecting`,
    accountBody: (network, label) => [
      `Dimanche can no longer post on ${network} as ${label}: the access expired or was withdrawn, and cannot be renewed without you.`,
      'Reconnect the account in the settings: until then nothing is announced there; the other networks are not affected.',
    ],
    reconnectButton: 'Reconnect',
    failedSubject: (network, s) => `${network}: the announcement of ${s.name} failed`,
    failedBody: (network, detail, s) => [
      `${network} refused the announcement of ${s.name}: ${detail}.`,
      'You can post it by hand; the planned text is in the studio.',
    ],
    unconfirmedSubject: (network, s) => `${network}: check the announcement of ${s.name}`,
    unconfirmedBody: (network, detail, s) => [
      `Dimanche could not confirm the announcement of ${s.name} on ${network}: ${detail}.`,
      'It was not posted again, to avoid a duplicate. Check the account and post it by hand if it is missing.',
    ],
    settingsButton: 'See the accounts in the studio',
    campaignButton: 'See the announcements in the studio',
  },
};
