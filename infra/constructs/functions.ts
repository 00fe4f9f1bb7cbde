import { Duration, Stack } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { secretsExtension } from './secrets-extension.ts';
import { apiBundleAliases, esbuildAliasArgs, renderBundleAliases } from '../bundling/aliases.ts';
import { type DimancheConfig, readSocialConfig, socialEnvironment } from '../config.ts';
import { DimancheFunction } from './dimanche-function.ts';
import { grantTable } from './table-grants.ts';

// Exactly the calls each function's adapters make; grantReadWriteData would add Scan, Batch* and more.
const apiTableActions = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:Query',
];
// Query: the render also rebuilds the archive's feeds from the issues index (shared/usecases/archive-feed-refresh.ts).
// Batch*: the render step reads the tracks' cached links, registers their click links and the catalogue (issue 7).
const renderTableActions = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:Query',
  'dynamodb:BatchGetItem',
  'dynamodb:BatchWriteItem',
];
// The redirect reads a link and counts the click: nothing else.
const redirectTableActions = ['dynamodb:GetItem', 'dynamodb:UpdateItem'];

const shellQuote = (path: string): string => `'${path.replaceAll("'", "'\\''")}'`;

/** The `senderName` context, as the delivery functions read it: the series name unless set. */
const senderNameOf = (scope: Construct, config: DimancheConfig): string => {
  const value: unknown = scope.node.tryGetContext('senderName');
  const name = typeof value === 'string' && value.trim() !== '' ? value.trim() : config.seriesName;
  if (/[\r\n]/.test(name)) throw new Error('CDK context "senderName" must be one line');
  return name;
};

export interface DimancheFunctionsProps {
  readonly table: Table;
  readonly secret: Secret;
  readonly config: DimancheConfig;
}

/** The two Lambdas, their settings and their grants: who may touch what is readable in one place. */
export class DimancheFunctions extends Construct {
  readonly api: NodejsFunction;
  readonly admin: NodejsFunction;
  readonly render: NodejsFunction;
  /** `/r/:linkId`: its own small function, so a burst of Sunday clicks never waits on the API's cold start. */
  readonly redirect: NodejsFunction;

  constructor(scope: Construct, id: string, { table, secret, config }: DimancheFunctionsProps) {
    super(scope, id);
    const site = {
      TABLE_NAME: table.tableName,
      PUBLIC_BASE_URL: config.publicBaseUrl,
      TIME_ZONE: config.timeZone,
      SERIES_NAME: config.seriesName,
    };

    this.render = new DimancheFunction(this, 'Render', {
      entry: 'functions/lambda/render.ts',
      description: 'Renders an issue to HTML and text with MJML (the only function that loads MJML)',
      memorySize: 1024,
      timeout: Duration.seconds(60),
      environment: { ...site, POSTAL_ADDRESS: config.postalAddress },
      bundling: {
        // The renderer reads new URL('./templates/x.mjml', import.meta.url): next to index.mjs once bundled.
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir, outputDir) => [
            `cp -R ${shellQuote(`${inputDir}/emails/templates`)} ${shellQuote(`${outputDir}/templates`)}`,
          ],
        },
        esbuildArgs: {
          ...esbuildAliasArgs(renderBundleAliases),
          // htmlnano's config loader (cosmiconfig) requires TypeScript lazily, only for .ts config files, which
          // we never have: left out, it would be 3.5 MB of the 5.9 MB bundle.
          '--external:typescript': true,
        },
      },
    }).fn;
    grantTable(table, this.render, renderTableActions);

    // The public function and the admin function run the same Hono app code, split by path (see
    // functions/public-app.ts and admin-app.ts), with the same settings and rights.
    const httpFunction = (
      id: string,
      entry: string,
      description: string,
      aliases: Record<string, string>,
    ) => {
      const fn = new DimancheFunction(this, id, {
        entry,
        description,
        memorySize: 512,
        // API Gateway gives up at 30 s; stopping first lets the function log why.
        timeout: Duration.seconds(29),
        bundling: { esbuildArgs: esbuildAliasArgs(aliases) },
        // Secrets are read through the AWS Parameters and Secrets extension: a cached local HTTP call instead of
        // a bundled Secrets Manager client (see functions/lambda/load-secrets.ts).
        paramsAndSecrets: secretsExtension(),
        environment: {
          ...site,
          RENDER_FUNCTION_NAME: this.render.functionName,
          // The ARN only: the function reads the values at cold start, so they never show in the console.
          SECRETS_ARN: secret.secretArn,
          // Who the confirmation and test mails come from.
          SENDER_ADDRESS: config.senderAddress,
          SENDER_NAME: senderNameOf(this, config),
          // The admin preview of each network's post (GET /admin/issues/:id/social).
          ...socialEnvironment(readSocialConfig(this.node), config),
        },
      }).fn;
      grantTable(table, fn, apiTableActions);
      secret.grantRead(fn);
      // SES v2 SendEmail (IAM action ses:SendEmail), from the sender's verified domain identity only.
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['ses:SendEmail'],
          resources: [
            `arn:aws:ses:${Stack.of(this).region}:${Stack.of(this).account}:identity/${config.senderAddress.split('@')[1] ?? ''}`,
          ],
        }),
      );
      return fn;
    };

    this.api = httpFunction(
      'Api',
      'functions/lambda/api.ts',
      'Public HTTP for readers: archive, sign-up, signed links',
      apiBundleAliases,
    );
    // The unqualified ARN only: grantInvoke would add `:*` (every version and alias).
    this.render.grantInvokeLatestVersion(this.api);
    this.admin = httpFunction(
      'Admin',
      'functions/lambda/admin.ts',
      'Admin HTTP (/admin/*, the studio, the blog webhooks): preview, test-send, campaigns, subscribers, CSV',
      {},
    );
    // The back-issue import (POST /admin/archive/imports) renders each past post for the archive and its feeds.
    this.render.grantInvokeLatestVersion(this.admin);
    this.redirect = new DimancheFunction(this, 'Redirect', {
      entry: 'functions/lambda/redirect.ts',
      description: 'Email track links (/r/:linkId): counts the click, redirects to the stored target only',
      memorySize: 256,
      timeout: Duration.seconds(10),
      environment: { TABLE_NAME: table.tableName },
    }).fn;
    grantTable(table, this.redirect, redirectTableActions);
  }
}
