import { describe, expect, it } from 'vitest';
import { CACHED_PATHS, FORWARDED_HEADERS } from '../../infra/constructs/cdn.ts';
import { cacheRuleFor, STAND_IN_CACHED_PATHS } from '../../infra/local/stand-ins/cdn/cached-paths.ts';
import { STAND_IN_FORWARDED_HEADERS } from '../../infra/local/stand-ins/cdn/edge-key.ts';

describe("the CDN stand-in's cached paths", () => {
  it("are CloudFront's: the same patterns, forwarded queries and keyed headers as the CDK's cache behaviors", () => {
    expect(STAND_IN_CACHED_PATHS).toEqual(CACHED_PATHS);
  });

  it("send the origin the same headers outside the key as CloudFront's origin request policy", () => {
    expect(STAND_IN_FORWARDED_HEADERS).toEqual(FORWARDED_HEADERS);
  });

  it('match paths as CloudFront matches its patterns', () => {
    expect(cacheRuleFor('/archive')).toEqual(CACHED_PATHS['/archive']);
    expect(cacheRuleFor('/archive/feed.xml')).toEqual(CACHED_PATHS['/archive/*']);
    expect(cacheRuleFor('/subscribe')).toEqual(CACHED_PATHS['/subscribe']);
    for (const path of [
      '/',
      '/archives',
      '/subscribe/',
      '/confirm/t',
      '/u/t',
      '/r/l',
      '/studio',
      '/admin/issues',
    ]) {
      expect(cacheRuleFor(path)).toBeUndefined();
    }
  });
});
