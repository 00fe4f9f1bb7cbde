import type { Clock } from '../../../../shared/ports/clock.ts';
import type { FakeOAuthClient } from '../../oauth/fake-authorization-server.ts';
import { type NetworkSignIn, signInControls, startNetworkSignIn } from '../../oauth/network-sign-in.ts';
import { LINKEDIN_POLICY } from '../../oauth/policies.ts';
import {
  bearer,
  type FakeAnswer,
  type FakeNetwork,
  type FakeRequest,
  jsonBody,
  numericId,
  startFakeNetwork,
} from '../fake-network.ts';

export type LinkedInFakeOptions = {
  author: string;
  /** Whose time the member token lives on: 60 days of it, and no refresh. */
  clock?: Clock;
  clients?: readonly FakeOAuthClient[];
  /** Versions before this one are retired: LinkedIn answers 426. */
  oldestVersion?: string;
  port?: number;
};

export type LinkedInFake = FakeNetwork & { signIn: NetworkSignIn };

/** Posting as the member, or as a Page she administers. */
export const LINKEDIN_SCOPES = ['w_member_social', 'w_organization_social', 'r_organization_admin'] as const;

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
const invalid = (fieldPath: string, code: string, description: string) =>
  failure(422, 'UNPROCESSABLE_ENTITY', `${fieldPath}: ${description}`, {
    errorDetailType: 'com.linkedin.common.error.BadRequest',
    errorDetails: { inputErrors: [{ description, input: { inputPath: { fieldPath } }, code }] },
  });

/**
 * LinkedIn's versioned Posts API for one author: POST /rest/posts (201, the post's URN in `x-restli-id`) and
 * the author finder. It insists on `LinkedIn-Version` (426 once retired) and Rest.li 2.0.0, refuses the same
 * commentary twice (422 DUPLICATE_POST naming the first post) and answers errors with `{ status, message }`.
 * It takes only the member tokens its OAuth server issued (60 days on the Clock, no refresh token: she signs
 * in again); an expired or revoked one gets LinkedIn's 401.
 */
export const startLinkedInFake = async ({
  author,
  oldestVersion = '202411',
  port = 0,
  clock,
  clients,
}: LinkedInFakeOptions): Promise<LinkedInFake> => {
  const signIn = await startNetworkSignIn('linkedin', {
    policy: LINKEDIN_POLICY,
    subject: author,
    name: 'LinkedIn',
    scopes: LINKEDIN_SCOPES,
    ...(clock ? { clock } : {}),
    ...(clients ? { clients } : {}),
  });
  let posts: StoredPost[] = [];
  // The member behind the token: the author itself when it is a person, else a member who administers it.
  const member = /^urn:li:person:(.+)$/.exec(author)?.[1] ?? 'mE3mbr0Dim4nche';
  const organization = /^urn:li:organization:(\d+)$/.exec(author)?.[1];

  /** Why the request is refused before it is read, or undefined. */
  const refused = (request: FakeRequest): FakeAnswer | undefined => {
    if (!signIn.accepts(bearer(request)))
      return failure(401, 'INVALID_ACCESS_TOKEN', 'Invalid access token', { serviceErrorCode: 65600 });
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
    if (input.author !== author)
      return failure(
        403,
        'ACCESS_DENIED',
        'Not enough permissions to access: partnerApiPostsExternal.CREATE.20241101',
        {
          serviceErrorCode: 100,
        },
      );
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
    const first = posts.find((post) => post.author === author && post.commentary === input.commentary);
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
    controls: signInControls(signIn),
    routes: [
      {
        method: 'GET',
        path: /^\/v2\/userinfo$/,
        handle: (request) =>
          signIn.accepts(bearer(request))
            ? {
                status: 200,
                body: { sub: member, name: 'Dimanche', given_name: 'Dimanche', locale: 'fr_FR' },
              }
            : failure(401, 'INVALID_ACCESS_TOKEN', 'Invalid access token', { serviceErrorCode: 65600 }),
      },
      {
        method: 'GET',
        path: /^\/rest\/organizationAcls$/,
        handle: (request) => {
          const refusal = refused(request);
          if (refusal) return refusal;
          if (request.query.get('q') !== 'roleAssignee')
            return failure(400, 'ILLEGAL_ARGUMENT', 'Invalid finder: use q=roleAssignee');
          const elements = organization
            ? [
                {
                  roleAssignee: `urn:li:person:${member}`,
                  role: 'ADMINISTRATOR',
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
          if (request.query.get('q') !== 'author' || request.query.get('author') !== author)
            return failure(400, 'ILLEGAL_ARGUMENT', 'Invalid finder: use q=author with the author URN');
          const count = Math.min(100, Number(request.query.get('count') ?? 10));
          const elements = [...posts]
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
  return {
    ...network,
    signIn,
    close: async () => {
      await network.close();
      await signIn.server.close();
    },
  };
};
