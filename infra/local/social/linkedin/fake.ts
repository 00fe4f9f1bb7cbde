import type { Clock } from '../../../../shared/ports/clock.ts';
import type { FakeOAuthClient } from '../../oauth/fake-authorization-server.ts';
import type { NetworkSignIn } from '../../oauth/network-sign-in.ts';
import {
  bearer,
  type FakeAnswer,
  type FakeNetwork,
  type FakeRequest,
  jsonBody,
  numericId,
  startFakeNetwork,
} from '../fake-network.ts';
import {
  AUTHORIZATION_PATH,
  linkedInAuthorization,
  linkedInConsole,
  startLinkedInSignIn,
} from './sign-in.ts';

export type LinkedInFakeOptions = {
  author: string;
  /** Whose time the member token lives on: 60 days of it, and no refresh. */
  clock?: Clock;
  clients?: readonly FakeOAuthClient[];
  /** Versions before this one are retired: LinkedIn answers 426. */
  oldestVersion?: string;
  /**
   * The fake's developer apps have the Community Management API (the default, as `npm start` configures its
   * app): the organisation scopes, and no OpenID ones. false: Sign In with LinkedIn and Share on LinkedIn only.
   */
  communityManagement?: boolean;
  /** Her role on the organisation `author` names (LinkedIn lets an ADMINISTRATOR post as it). */
  role?: string;
  port?: number;
};

export type LinkedInFake = FakeNetwork & { signIn: NetworkSignIn };

type Article = { source?: string; title?: string; description?: string };
type PostInput = {
  author?: string;
  commentary?: string;
  visibility?: string;
  distribution?: { feedDistribution?: string };
  content?: { article?: Article };
  lifecycleState?: string;
};
type StoredPost = PostInput & { id: string; createdAt: number };

const failure = (
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
): FakeAnswer => ({
  status,
  body: { status, code, message, ...extra },
});
const denied = (resource: string) =>
  failure(403, 'ACCESS_DENIED', `Not enough permissions to access: ${resource}`, { serviceErrorCode: 100 });
const invalid = (fieldPath: string, code: string, description: string) =>
  failure(422, 'UNPROCESSABLE_ENTITY', `${fieldPath}: ${description}`, {
    errorDetailType: 'com.linkedin.common.error.BadRequest',
    errorDetails: { inputErrors: [{ description, input: { inputPath: { fieldPath } }, code }] },
  });

/**
 * LinkedIn's versioned Posts API for one member and the organisation `author` may name: POST /rest/posts (201,
 * the post's URN in `x-restli-id`) and the author finder. It insists on `LinkedIn-Version` (426 once retired) and Rest.li 2.0.0, refuses the same
 * commentary twice (422 DUPLICATE_POST naming the first post) and answers errors with `{ status, message }`.
 * It takes only the member tokens its OAuth server issued (60 days on the Clock, no refresh token: she signs
 * in again); an expired or revoked one gets LinkedIn's 401. Each call needs its permission among the scopes
 * granted, else 403 ACCESS_DENIED: /v2/userinfo `openid`, /v2/me `r_basicprofile`, the organisations'
 * access lists `r(w)_organization_admin`, a post as her `w_member_social`, and as the organisation
 * `w_organization_social` with her ADMINISTRATOR role.
 */
export const startLinkedInFake = async ({
  author,
  oldestVersion = '202411',
  port = 0,
  clock,
  clients,
  communityManagement = true,
  role = 'ADMINISTRATOR',
}: LinkedInFakeOptions): Promise<LinkedInFake> => {
  const signIn = await startLinkedInSignIn({
    subject: author,
    communityManagement,
    ...(clock ? { clock } : {}),
    ...(clients ? { clients } : {}),
  });
  let posts: StoredPost[] = [];
  // The member behind the token: the author itself when it is a person, else a member who administers it.
  const member = /^urn:li:person:(.+)$/.exec(author)?.[1] ?? 'mE3mbr0Dim4nche';
  const organization = /^urn:li:organization:(\d+)$/.exec(author)?.[1];
  const person = `urn:li:person:${member}`;
  /** Whether the request's token was granted one of these: exactly the scopes her consent page asked. */
  const granted = (request: FakeRequest, ...any: string[]) =>
    (signIn.server.verify(bearer(request) ?? '')?.scope ?? '')
      .split(/[\s,]+/)
      .some((scope) => any.includes(scope));
  const unauthenticated = () =>
    failure(401, 'INVALID_ACCESS_TOKEN', 'Invalid access token', { serviceErrorCode: 65600 });
  const readsAdmins = (request: FakeRequest) =>
    granted(request, 'r_organization_admin', 'rw_organization_admin')
      ? undefined
      : denied('organizationAcls.FINDER-roleAssignee.20241101');

  /** Why the request is refused before it is read, or undefined. */
  const refused = (request: FakeRequest): FakeAnswer | undefined => {
    if (!signIn.accepts(bearer(request))) return unauthenticated();
    const version = request.headers['linkedin-version'];
    if (typeof version !== 'string' || !/^\d{6}(\.\d{2})?$/.test(version))
      return failure(
        400,
        'VERSION_MISSING',
        'A version must be present. Please specify a version by adding the LinkedIn-Version header.',
      );
    if (version < oldestVersion)
      return failure(426, 'NONEXISTENT_VERSION', `Requested version ${version} is not active`);
    if (request.headers['x-restli-protocol-version'] !== '2.0.0')
      return failure(400, 'ILLEGAL_ARGUMENT', 'This API requires X-Restli-Protocol-Version: 2.0.0');
    return undefined;
  };

  const create = (request: FakeRequest): FakeAnswer => {
    const input = jsonBody<PostInput>(request);
    if (!input) return failure(400, 'ILLEGAL_ARGUMENT', 'Request body is not valid JSON');
    const asPage = organization !== undefined && input.author === author;
    const allowed = asPage
      ? granted(request, 'w_organization_social') && role === 'ADMINISTRATOR'
      : input.author === person && granted(request, 'w_member_social');
    if (!allowed) return denied('partnerApiPostsExternal.CREATE.20241101');
    if (typeof input.commentary !== 'string')
      return invalid('/commentary', 'MISSING_FIELD', 'Field Value validation failed');
    if (input.commentary.length > 3000)
      return invalid('/commentary', 'FIELD_LENGTH_TOO_LONG', 'Length exceeds 3000');
    if (input.lifecycleState !== 'PUBLISHED' || !input.visibility || !input.distribution?.feedDistribution)
      return invalid(
        '/lifecycleState',
        'MISSING_FIELD',
        'lifecycleState, visibility and distribution are required',
      );
    const article = input.content?.article;
    if (input.content && (!article?.source || !article.title))
      return invalid('/content/article', 'MISSING_FIELD', 'An article needs a source and a title');
    const first = posts.find((post) => post.author === input.author && post.commentary === input.commentary);
    if (first)
      return {
        status: 422,
        body: {
          errorDetailType: 'com.linkedin.common.error.BadRequest',
          message: `com.linkedin.content.common.exception.BadRequestResponseException: Content is a duplicate of ${first.id}`,
          errorDetails: {
            inputErrors: [{ description: 'Duplicate post is detected', input: {}, code: 'DUPLICATE_POST' }],
          },
          status: 422,
        },
      };
    const post = { ...input, id: `urn:li:share:${numericId(19)}`, createdAt: Date.now() };
    posts.push(post);
    return { status: 201, headers: { 'x-restli-id': post.id, 'x-linkedin-id': post.id } };
  };

  const network = await startFakeNetwork({
    port,
    posts: () => posts,
    reset: () => {
      posts = [];
    },
    notFound: (request) => failure(404, 'NOT_FOUND', `No resource found for ${request.path}`),
    controls: linkedInConsole(signIn, communityManagement),
    routes: [
      ...linkedInAuthorization(signIn, communityManagement),
      {
        method: 'GET',
        path: /^\/v2\/userinfo$/,
        handle: (request) => {
          if (!signIn.accepts(bearer(request))) return unauthenticated();
          if (!granted(request, 'openid')) return denied('userinfo.GET.NO_VERSION');
          return {
            status: 200,
            body: { sub: member, name: 'Dimanche', given_name: 'Dimanche', locale: 'fr_FR' },
          };
        },
      },
      {
        method: 'GET',
        path: /^\/v2\/me$/,
        handle: (request) => {
          if (!signIn.accepts(bearer(request))) return unauthenticated();
          if (!granted(request, 'r_basicprofile', 'r_liteprofile')) return denied('me.GET.NO_VERSION');
          return {
            status: 200,
            body: {
              id: member,
              localizedFirstName: 'Dimanche',
              localizedLastName: '',
              vanityName: 'dimanche',
            },
          };
        },
      },
      {
        method: 'GET',
        path: /^\/rest\/organizationAcls$/,
        handle: (request) => {
          const refusal = refused(request) ?? readsAdmins(request);
          if (refusal) return refusal;
          if (request.query.get('q') !== 'roleAssignee')
            return failure(400, 'ILLEGAL_ARGUMENT', 'Invalid finder: use q=roleAssignee');
          const wanted = request.query.get('role');
          const elements =
            organization && (!wanted || wanted === role)
              ? [
                  {
                    roleAssignee: person,
                    role,
                    state: 'APPROVED',
                    organization: author,
                  },
                ]
              : [];
          return { status: 200, body: { paging: { start: 0, count: 10, total: elements.length }, elements } };
        },
      },
      {
        method: 'GET',
        path: /^\/rest\/organizations\/(\d+)$/,
        handle: (request, [id]) =>
          refused(request) ??
          readsAdmins(request) ??
          (id === organization
            ? { status: 200, body: { id: Number(id), localizedName: 'Dimanche', vanityName: 'dimanche' } }
            : failure(404, 'NOT_FOUND', `No organization ${id ?? ''}`)),
      },
      { method: 'POST', path: /^\/rest\/posts$/, handle: (request) => refused(request) ?? create(request) },
      {
        method: 'GET',
        path: /^\/rest\/posts$/,
        handle: (request) => {
          const refusal = refused(request);
          if (refusal) return refusal;
          const by = request.query.get('author');
          if (request.query.get('q') !== 'author' || (by !== author && by !== person))
            return failure(400, 'ILLEGAL_ARGUMENT', 'Invalid finder: use q=author with the author URN');
          const count = Math.min(100, Number(request.query.get('count') ?? 10));
          const elements = posts
            .filter((post) => post.author === by)
            .reverse()
            .slice(0, count)
            .map((post) => ({
              ...post,
              createdAt: post.createdAt,
              lastModifiedAt: post.createdAt,
              publishedAt: post.createdAt,
              isReshareDisabledByAuthor: false,
            }));
          return { status: 200, body: { paging: { start: 0, count, links: [] }, elements } };
        },
      },
    ],
  });
  // Her consent starts on LinkedIn's own authorization page, in front of the OAuth server.
  const authorizationEndpoint = `${network.url}${AUTHORIZATION_PATH}`;
  return {
    ...network,
    signIn: { ...signIn, provider: { ...signIn.provider, authorizationEndpoint } },
    close: async () => {
      await network.close();
      await signIn.server.close();
    },
  };
};
