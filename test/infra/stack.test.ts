import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableDefinition } from '../../shared/adapters/dynamodb/table-schema.ts';
import {
  actionsOf,
  bareWildcardResources,
  type PolicyStatement,
  policyStatements,
  statementsOfRole,
  wildcardActions,
} from './iam.ts';
import { envIn, logicalIdIn, propsIn, type Resource, resourceAt, roleIn, synthTemplate } from './template.ts';

let template: Template;
let statements: PolicyStatement[];
beforeAll(() => {
  template = synthTemplate();
  statements = policyStatements(template);
});

// What the Parameters and Secrets extension layer reads: a cache of five minutes, on the default port.
const EXTENSION_ENV = {
  PARAMETERS_SECRETS_EXTENSION_CACHE_ENABLED: 'true',
  PARAMETERS_SECRETS_EXTENSION_CACHE_SIZE: '10',
  PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: '2773',
  PARAMETERS_SECRETS_EXTENSION_LOG_LEVEL: 'warn',
  PARAMETERS_SECRETS_EXTENSION_MAX_CONNECTIONS: '3',
  SECRETS_MANAGER_TIMEOUT_MILLIS: '0',
  SECRETS_MANAGER_TTL: '300',
  SSM_PARAMETER_STORE_TIMEOUT_MILLIS: '0',
  SSM_PARAMETER_STORE_TTL: '300',
};

const logicalId = (path: string) => logicalIdIn(template, path);
const props = (path: string) => propsIn(template, path);
const roleOf = (fnPath: string) => roleIn(template, fnPath);
const envOf = (fnPath: string) => envIn(template, fnPath);

describe('the table', () => {
  it('is one pay-per-request table keyed pk/sk, with PITR, TTL on expiresAt and gsi1', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        GlobalSecondaryIndexes: [
          {
            IndexName: 'gsi1',
            KeySchema: [
              { AttributeName: 'gsi1pk', KeyType: 'HASH' },
              { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      },
    });
  });

  it('has the keys and index the local stand-ins create, so the two cannot drift', () => {
    const local = tableDefinition('any');
    const table = props('Data/Table');
    expect(table.AttributeDefinitions).toEqual(local.AttributeDefinitions);
    expect(table.KeySchema).toEqual(local.KeySchema);
    expect(table.GlobalSecondaryIndexes).toEqual(local.GlobalSecondaryIndexes);
    expect(table.BillingMode).toBe(local.BillingMode);
  });
});

describe('the functions', () => {
  it('are Node 24 arm64 functions answering on index.handler (the ESM bundle is index.mjs)', () => {
    // API, admin, render and redirect; the delivery functions: dispatch, sender, SES events, social
    // (test/infra/delivery.test.ts); the music worker (test/infra/music.test.ts).
    // The CDN's invalidation worker (test/infra/cdn.test.ts); the daily deliverability check; the hourly
    // refresh of her connected accounts (test/infra/connected-accounts.test.ts).
    template.resourceCountIs('AWS::Lambda::Function', 12);
    for (const path of [
      'Functions/Api/Function',
      'Functions/Admin/Function',
      'Functions/Render/Function',
      'Functions/Redirect/Function',
    ]) {
      expect(props(path)).toMatchObject({
        Runtime: 'nodejs24.x',
        Handler: 'index.handler',
        Architectures: ['arm64'],
      });
    }
  });

  it('log as JSON to their own log group, kept a month', () => {
    for (const name of ['Api', 'Render', 'Redirect']) {
      expect(props(`Functions/${name}/Function`).LoggingConfig).toEqual({
        LogFormat: 'JSON',
        LogGroup: { Ref: logicalId(`Functions/${name}/Logs`) },
      });
      expect(props(`Functions/${name}/Logs`).RetentionInDays).toBe(30);
    }
  });

  it('size the API for requests, the renderer for MJML and the redirect for one read and one write', () => {
    expect(props('Functions/Api/Function')).toMatchObject({ MemorySize: 512, Timeout: 29 });
    expect(props('Functions/Render/Function')).toMatchObject({ MemorySize: 1024, Timeout: 60 });
    expect(props('Functions/Redirect/Function')).toMatchObject({ MemorySize: 256, Timeout: 10 });
  });

  it('give the API exactly its settings, with the secret by ARN and the renderer by name', () => {
    expect(envOf('Functions/Api/Function')).toEqual({
      TABLE_NAME: { Ref: logicalId('Data/Table') },
      RENDER_FUNCTION_NAME: { Ref: logicalId('Functions/Render/Function') },
      SECRETS_ARN: { Ref: logicalId('Secrets/Secret') },
      // Issue 26: the pages the render step built, and the token that makes the viewer's address believable.
      PUBLIC_OBJECTS_BUCKET: { Ref: logicalId('Cdn/PublicPages') },
      CDN_EDGE_TOKEN: { 'Fn::Select': [2, { 'Fn::Split': ['/', { Ref: 'AWS::StackId' }] }] },
      PUBLIC_BASE_URL: 'https://newsletter.example.com',
      TIME_ZONE: 'Europe/Paris',
      SERIES_NAME: 'Online Sunday Morning Sound',
      SENDER_ADDRESS: 'sunday@newsletter.example.com',
      SENDER_NAME: 'Online Sunday Morning Sound',
      // The admin preview of each network's post; none enabled by default.
      SOCIAL_NETWORKS: '',
      SOCIAL_HASHTAGS: '',
      MASTODON_MAX_CHARACTERS: '500',
      NODE_OPTIONS: '--enable-source-maps',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...EXTENSION_ENV,
    });
  });

  it('read the secret through the Parameters and Secrets extension layer, the API only', () => {
    const layers = (path: string) => (props(path).Layers as unknown[] | undefined) ?? [];
    expect(layers('Functions/Api/Function')).toHaveLength(1);
    // The layer's ARN differs per region and architecture: CDK looks it up in a mapping of AWS's published ARNs.
    const [layer] = layers('Functions/Api/Function') as [{ 'Fn::FindInMap': [string, ...unknown[]] }];
    const mapping = template.toJSON().Mappings[layer['Fn::FindInMap'][0]];
    expect(JSON.stringify(mapping)).toContain(':layer:AWS-Parameters-and-Secrets-Lambda-Extension-Arm64:');
    expect(layers('Functions/Render/Function')).toEqual([]);
    expect(layers('Functions/Redirect/Function')).toEqual([]);
  });

  it('give the renderer exactly its settings, with no secret at all', () => {
    expect(envOf('Functions/Render/Function')).toEqual({
      TABLE_NAME: { Ref: logicalId('Data/Table') },
      PUBLIC_BASE_URL: 'https://newsletter.example.com',
      TIME_ZONE: 'Europe/Paris',
      SERIES_NAME: 'Online Sunday Morning Sound',
      POSTAL_ADDRESS: 'Dimanche, 12 rue des Lilas, 75011 Paris, France',
      // Issue 7: a new revision's track resolutions and first link check go to the music worker.
      MUSIC_QUEUE_URL: { Ref: logicalId('Music/Queue') },
      // Issue 26: the public pages it builds, and the CDN's paths it tells.
      PUBLIC_OBJECTS_BUCKET: { Ref: logicalId('Cdn/PublicPages') },
      CDN_INVALIDATION_QUEUE_URL: { Ref: logicalId('Cdn/Invalidations') },
      NODE_OPTIONS: '--enable-source-maps',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    });
  });

  it('give the click redirect its table and nothing else: no secret, no base URL', () => {
    expect(envOf('Functions/Redirect/Function')).toEqual({
      TABLE_NAME: { Ref: logicalId('Data/Table') },
      NODE_OPTIONS: '--enable-source-maps',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    });
  });

  it('take settings from context overrides', () => {
    const other = synthTemplate({ publicBaseUrl: 'https://dimanche.example.org/', seriesName: 'Autre' });
    other.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          PUBLIC_BASE_URL: 'https://dimanche.example.org',
          SERIES_NAME: 'Autre',
        }),
      },
    });
  });

  it('refuse to synthesise with a plain-http base URL or an unknown time zone', () => {
    expect(() => synthTemplate({ publicBaseUrl: 'http://newsletter.example.com' })).toThrow(/publicBaseUrl/);
    expect(() => synthTemplate({ timeZone: 'Europe/Atlantis' })).toThrow(/timeZone/);
    expect(() => synthTemplate({ postalAddress: '' })).toThrow(/postalAddress/);
  });
});

describe('the secret', () => {
  it('ships the shape without values, and outlives the stack', () => {
    const [, secret] = resourceAt(template, 'Secrets/Secret') as [
      string,
      Resource & { DeletionPolicy: string },
    ];
    expect(JSON.parse(secret.Properties.SecretString as string)).toEqual({
      webhookSecrets: [],
      adminTokens: [],
      linkKeys: [],
      subscriberIdKey: '',
    });
    expect(secret.DeletionPolicy).toBe('Retain');
  });

  it('never appears as a value in any function environment', () => {
    const values = Object.values(template.findResources('AWS::Lambda::Function')).flatMap((fn) =>
      Object.values((fn as Resource).Properties.Environment as { Variables: Record<string, unknown> }),
    );
    expect(JSON.stringify(values)).not.toMatch(/whsec_|adminTokens|webhookSecrets|linkKeys|subscriberIdKey/);
  });
});

describe('IAM', () => {
  it('grants no wildcard action anywhere', () => {
    expect(statements.length).toBeGreaterThan(0);
    expect(wildcardActions(statements)).toEqual([]);
  });

  it('would notice a wildcard action or a bare * resource if one crept in', () => {
    const allow = (
      Action: string | string[],
      Resource: unknown = 'arn:aws:dynamodb:::table/t',
    ): PolicyStatement => ({
      policy: 'Crept',
      roles: [],
      statement: { Effect: 'Allow', Action, Resource },
    });
    expect(wildcardActions([allow(['dynamodb:GetItem', 'dynamodb:*'])])).toEqual(['dynamodb:*']);
    expect(wildcardActions([allow('*'), allow('s3:Get*')])).toEqual(['*', 's3:Get*']);
    expect(
      bareWildcardResources([allow('dynamodb:GetItem', ['arn:aws:dynamodb:::table/t', '*'])]),
    ).toHaveLength(1);
  });

  it('grants nothing on the bare * resource, and attaches no AWS managed policy', () => {
    expect(bareWildcardResources(statements)).toEqual([]);
    for (const role of Object.values(template.findResources('AWS::IAM::Role'))) {
      expect((role as Resource).Properties.ManagedPolicyArns).toBeUndefined();
    }
  });

  it('lets the API do exactly its table calls, invoke the renderer and read the secret', () => {
    const api = statementsOfRole(statements, roleOf('Functions/Api/Function'));
    expect(actionsOf(api)).toEqual([
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
      'lambda:InvokeFunction',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      // Issue 26: the public pages the render step built (test/infra/cdn.test.ts).
      's3:GetObject',
      'secretsmanager:DescribeSecret',
      'secretsmanager:GetSecretValue',
      'ses:SendEmail',
    ]);
    // The confirmation mail: from the sender's domain identity only, in this stack's account and region.
    expect(api.find((s) => s.Action === 'ses:SendEmail')?.Resource).toEqual({
      'Fn::Join': [
        '',
        [
          'arn:aws:ses:',
          { Ref: 'AWS::Region' },
          ':',
          { Ref: 'AWS::AccountId' },
          ':identity/newsletter.example.com',
        ],
      ],
    });
    // The renderer's unqualified ARN and $LATEST: no `:*` reaching every version and alias.
    const renderArn = { 'Fn::GetAtt': [logicalId('Functions/Render/Function'), 'Arn'] };
    expect(api.find((s) => s.Action === 'lambda:InvokeFunction')?.Resource).toEqual([
      renderArn,
      { 'Fn::Join': ['', [renderArn, ':$LATEST']] },
    ]);
  });

  it('lets the renderer use table items, its logs and queue music work: no secret, no invoke', () => {
    const render = statementsOfRole(statements, roleOf('Functions/Render/Function'));
    expect(actionsOf(render)).toEqual([
      // Batch*: the tracks' cached links read, their click links and catalogue entries written (issue 7).
      'dynamodb:BatchGetItem',
      'dynamodb:BatchWriteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      // Issue 26: the public pages it builds (test/infra/cdn.test.ts).
      's3:GetObject',
      's3:PutObject',
      'sqs:SendMessage',
    ]);
    const table = { 'Fn::GetAtt': [logicalId('Data/Table'), 'Arn'] };
    for (const s of render.filter((s) => actionsOf([s]).some((a) => a.startsWith('dynamodb:Batch')))) {
      expect(s.Resource).toEqual(table);
    }
    // Sending only, to the music queue and the CDN's paths only: it reads neither, nor reaches the delivery ones.
    const sqs = render.filter((s) => actionsOf([s]).some((a) => a.startsWith('sqs:')));
    expect(sqs).toEqual([
      {
        Effect: 'Allow',
        Action: 'sqs:SendMessage',
        Resource: ['Cdn/Invalidations', 'Music/Queue'].map((queue) => ({
          'Fn::GetAtt': [logicalId(queue), 'Arn'],
        })),
      },
    ]);
    expect(JSON.stringify(render)).not.toContain(logicalId('Secrets/Secret'));
  });

  it('lets the click redirect read a link and count it, on the table itself, and write its logs: nothing else', () => {
    const redirect = statementsOfRole(statements, roleOf('Functions/Redirect/Function'));
    expect(actionsOf(redirect)).toEqual([
      'dynamodb:GetItem',
      'dynamodb:UpdateItem',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
    ]);
    const dynamodb = redirect.filter((s) => actionsOf([s]).some((a) => a.startsWith('dynamodb:')));
    // No index: a link is read by its key, and the count is one UpdateItem ADD.
    expect(dynamodb.map((s) => s.Resource)).toEqual([{ 'Fn::GetAtt': [logicalId('Data/Table'), 'Arn'] }]);
  });
});

describe('the HTTP API', () => {
  it('gives the admin function the public settings and the studio ones, and invokes the dispatch and the renderer', () => {
    const {
      AUTHOR_EMAIL,
      AUTHOR_LANGUAGE,
      SCHEDULE,
      DISPATCH_FUNCTION_NAME,
      // Issue 25: "Connecter" seals her tokens and signs in with the operator's apps (connected-accounts.test.ts).
      TOKEN_KEY_ARN,
      SOCIAL_APPS_SECRET_ARN,
      ...shared
    } = envOf('Functions/Admin/Function');
    expect(JSON.stringify({ TOKEN_KEY_ARN, SOCIAL_APPS_SECRET_ARN })).toMatch(/TokenKey.*Apps/);
    // The built public pages are the public function's alone (issue 26).
    const { PUBLIC_OBJECTS_BUCKET, CDN_EDGE_TOKEN, ...publicShared } = envOf('Functions/Api/Function');
    expect(CDN_EDGE_TOKEN).toBeDefined();
    expect(PUBLIC_OBJECTS_BUCKET).toBeDefined();
    // The public function writes her nothing: WordPress.com's notification, which may, is the admin one's.
    expect(shared).toEqual(publicShared);
    expect(publicShared).not.toHaveProperty('AUTHOR_EMAIL');
    expect({ AUTHOR_EMAIL, AUTHOR_LANGUAGE, SCHEDULE }).toEqual({
      AUTHOR_EMAIL: expect.any(String),
      AUTHOR_LANGUAGE: 'fr',
      SCHEDULE: '0 9 * * 0',
    });
    expect(JSON.stringify(DISPATCH_FUNCTION_NAME)).toMatch(/Dispatch/);
    const adminStatements = statementsOfRole(statements, roleOf('Functions/Admin/Function'));
    const admin = actionsOf(adminStatements);
    const api = actionsOf(statementsOfRole(statements, roleOf('Functions/Api/Function')));
    expect(api).toContain('lambda:InvokeFunction');
    expect(admin).toEqual(api.filter((action) => action !== 's3:GetObject'));
    const invokes = JSON.stringify(
      adminStatements.filter((s) => JSON.stringify(s).includes('lambda:InvokeFunction')),
    );
    expect(invokes).toMatch(/Dispatch/);
    // The back-issue import renders the past posts it stores.
    expect(invokes).toMatch(/Render/);
  });

  it('sends /admin/*, the studio and the blog webhooks to the admin function and every other path to the public one, payload v2', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' });
    // /u/ reaches the public function too, as a route of its own for its throttle.
    // /studio and /studio/* (the author's studio) and her blog's webhooks reach the admin function.
    template.resourceCountIs('AWS::ApiGatewayV2::Route', 7);
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$default' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'ANY /admin/{proxy+}' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'ANY /studio/{proxy+}' });
    // One integration, bound at the first of the two routes, both pointing at it.
    expect(props('Api/HttpApi/ANY--studio/StudioIntegration').IntegrationUri).toEqual({
      'Fn::GetAtt': [logicalId('Functions/Admin/Function'), 'Arn'],
    });
    const publicFunction = { 'Fn::GetAtt': [logicalId('Functions/Api/Function'), 'Arn'] };
    for (const [path, integration] of [['ANY--u--{token}', 'UnsubscribeIntegration']]) {
      expect(props(`Api/HttpApi/${path}/${integration}`).IntegrationUri, path).toEqual(publicFunction);
    }
    expect(props('Api/HttpApi/POST--webhooks--{proxy+}/WebhookIntegration').IntegrationUri).toEqual({
      'Fn::GetAtt': [logicalId('Functions/Admin/Function'), 'Arn'],
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationUri: { 'Fn::GetAtt': [logicalId('Functions/Admin/Function'), 'Arn'] },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: { 'Fn::GetAtt': [logicalId('Functions/Api/Function'), 'Arn'] },
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Principal: 'apigateway.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [logicalId('Functions/Api/Function'), 'Arn'] },
    });
  });

  it('sends GET /r/{linkId} alone to the redirect function, which only that route may invoke', () => {
    const route = propsIn(template, 'Api/HttpApi/GET--r--{linkId}');
    expect(route).toMatchObject({ RouteKey: 'GET /r/{linkId}', AuthorizationType: 'NONE' });
    const integration = logicalId('Api/HttpApi/GET--r--{linkId}/RedirectIntegration');
    expect(route.Target).toEqual({ 'Fn::Join': ['', ['integrations/', { Ref: integration }]] });
    expect(props('Api/HttpApi/GET--r--{linkId}/RedirectIntegration')).toMatchObject({
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: { 'Fn::GetAtt': [logicalId('Functions/Redirect/Function'), 'Arn'] },
    });
    const redirect = { 'Fn::GetAtt': [logicalId('Functions/Redirect/Function'), 'Arn'] };
    const permissions = Object.values(
      template.findResources('AWS::Lambda::Permission', { Properties: { FunctionName: redirect } }),
    ) as Resource[];
    expect(permissions).toHaveLength(1);
    const sourceArn = JSON.stringify(permissions[0]?.Properties.SourceArn);
    expect(permissions[0]?.Properties.Principal).toBe('apigateway.amazonaws.com');
    // Any stage and method, on this path only: no other route reaches the redirect function.
    expect(sourceArn).toContain('"/*/*/r/{linkId}"');
  });

  it('throttles its auto-deployed default stage', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Stage', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingBurstLimit: 50, ThrottlingRateLimit: 20 },
    });
  });

  it('outputs the API URL, table name and secret ARN', () => {
    template.hasOutput('ApiUrl', {});
    template.hasOutput('TableName', { Value: { Ref: logicalId('Data/Table') } });
    template.hasOutput('SecretArn', { Value: { Ref: logicalId('Secrets/Secret') } });
  });
});
