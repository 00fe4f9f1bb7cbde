import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Template } from 'aws-cdk-lib/assertions';
import { propsIn, synthTemplate } from './template.ts';

// Issue 18: the README's table of route throttles is what the stage has, route by route.

type RouteSetting = { ThrottlingRateLimit: number; ThrottlingBurstLimit: number };

const readmeThrottles = (): Record<string, [number, number]> => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').split('\n');
  const start = readme.findIndex((line) => line.startsWith('<!-- route throttles:'));
  expect(start, 'the README marks its route throttle table').toBeGreaterThan(0);
  const rows = readme
    .slice(start + 1)
    .filter((_, i, all) => all.slice(0, i + 1).every((l) => l.trim() === '' || l.startsWith('|')));
  return Object.fromEntries(
    rows
      .filter((line) => line.startsWith('|'))
      .slice(2)
      .map((line) => line.split('|').map((cell) => cell.trim()))
      .map(([, route = '', rate, burst]) => [route.replaceAll('`', ''), [Number(rate), Number(burst)]]),
  );
};

let template: Template;
beforeAll(() => {
  template = synthTemplate();
});

describe('the HTTP API stage', () => {
  it('throttles each route as the README says, and everything else with the default', () => {
    const stage = propsIn(template, 'Api/DefaultStage') as {
      RouteSettings: Record<string, RouteSetting>;
      DefaultRouteSettings: RouteSetting;
    };
    const actual = Object.fromEntries(
      Object.entries(stage.RouteSettings).map(([key, s]) => [
        key,
        [s.ThrottlingRateLimit, s.ThrottlingBurstLimit],
      ]),
    );
    const { 'everything else': fallback, ...documented } = readmeThrottles();
    expect(actual).toEqual(documented);
    expect(fallback).toEqual([
      stage.DefaultRouteSettings.ThrottlingRateLimit,
      stage.DefaultRouteSettings.ThrottlingBurstLimit,
    ]);
  });

  it('has a route for every key it throttles, created before the stage that names it', () => {
    const stage = template.toJSON().Resources[
      Object.keys(template.findResources('AWS::ApiGatewayV2::Stage'))[0] as string
    ] as { Properties: { RouteSettings: Record<string, unknown> }; DependsOn: string[] };
    const routes = Object.entries(template.findResources('AWS::ApiGatewayV2::Route')) as [
      string,
      { Properties: { RouteKey: string } },
    ][];
    for (const key of Object.keys(stage.Properties.RouteSettings)) {
      const route = routes.find(([, r]) => r.Properties.RouteKey === key);
      expect(route, key).toBeDefined();
      expect(stage.DependsOn, key).toContain(route?.[0]);
    }
  });

  it('gives one-click unsubscribe and the clicks more room than sign-up', () => {
    const { 'GET /r/{linkId}': r, 'ANY /u/{token}': u, 'everything else': rest } = readmeThrottles();
    expect(r?.[0]).toBeGreaterThan(rest?.[0] ?? Infinity);
    expect(u?.[0]).toBeGreaterThan(rest?.[0] ?? Infinity);
  });
});
