import { NETWORK_NAMES } from '../../shared/domain/social/network-names.ts';
import type { NetworkPreview } from '../../shared/usecases/social/preview-social.ts';
import type { IssueState } from '../../shared/domain/studio/issue-state.ts';
import type { StudioStrings } from '../../shared/i18n/studio/studio-strings.ts';
import { Badge } from './ui/badge.tsx';
import { PostButton } from './ui/post-button.tsx';

export const StateBadge = (props: { state: IssueState; t: StudioStrings }) => (
  <Badge tone={props.state}>{props.t.states[props.state]}</Badge>
);

export const TestSendForm = (props: {
  series: number;
  to: string;
  csrf: string;
  t: StudioStrings;
  back: string;
}) => (
  <PostButton
    inline
    secondary
    action={`/studio/issues/${props.series}/test-send`}
    csrf={props.csrf}
    hidden={{ back: props.back }}
    label={props.t.issue.testSend(props.to)}
  />
);

/** Each network's post as it will appear, with its length as that network counts it. */
export const SocialPosts = (props: { posts: NetworkPreview[]; t: StudioStrings }) => (
  <div class="cards">
    {props.posts.map((post) => (
      <article class="card" aria-label={NETWORK_NAMES[post.network]}>
        <h3>{NETWORK_NAMES[post.network]}</h3>
        {post.enabled ? null : <p class="muted">{props.t.week.disabled}</p>}
        <pre>{post.text}</pre>
        <p class="muted">{props.t.issue.characters(post.length.count, post.length.limit)}</p>
      </article>
    ))}
  </div>
);
