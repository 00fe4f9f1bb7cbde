import { join } from 'node:path';
import { type Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  Architecture,
  LoggingFormat,
  type ParamsAndSecretsLayerVersion,
  Runtime,
} from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** Handlers are found by path from the repo root: infra never imports runtime code. */
const repoRoot = join(import.meta.dirname, '..', '..');

// Bundled CommonJS (the AWS SDK, mjml) calls `require('node:https')`; an ESM bundle has no `require`
// unless we make one. The import is renamed so it cannot clash with a bundled `createRequire`.
const requireBanner =
  "import { createRequire as __dimancheCreateRequire } from 'node:module'; const require = __dimancheCreateRequire(import.meta.url);";

export interface DimancheFunctionProps {
  /** Handler file relative to the repo root; it must export `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly memorySize: number;
  readonly timeout: Duration;
  readonly environment: Record<string, string>;
  /** Per-function additions (hooks, esbuild flags); the defaults below stay. */
  readonly bundling?: Pick<BundlingOptions, 'commandHooks' | 'esbuildArgs'>;
  readonly paramsAndSecrets?: ParamsAndSecretsLayerVersion;
}

/** A Node 24 ESM Lambda with our defaults: local esbuild, own log group, a role with only log writes. */
export class DimancheFunction extends Construct {
  readonly fn: NodejsFunction;

  constructor(scope: Construct, id: string, props: DimancheFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.ONE_MONTH,
      // Operational logs that expire in a month anyway; a retained orphan group would only confuse.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Our own role instead of AWSLambdaBasicExecutionRole, whose log actions apply to every log group.
    const role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);

    this.fn = new NodejsFunction(this, 'Function', {
      entry: join(repoRoot, props.entry),
      handler: 'handler',
      description: props.description,
      // The newest Node line Lambda runs (cdk-nag L1): nodejs22.x reaches end of support in 2027.
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      role,
      logGroup,
      ...(props.paramsAndSecrets ? { paramsAndSecrets: props.paramsAndSecrets } : {}),
      loggingFormat: LoggingFormat.JSON,
      projectRoot: repoRoot,
      depsLockFilePath: join(repoRoot, 'package-lock.json'),
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        // Only matters where Node < 22 runs the bundle (local tools); harmless on Lambda.
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        ...props.environment,
      },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        // The syntax level `npm run bench` builds the same bundle with (bench/lambda-bundle.ts); Node 24 runs it.
        target: 'node22',
        minify: true,
        sourceMap: true,
        // The SDK comes from our lockfile, not whichever version the runtime ships this month.
        bundleAwsSDK: true,
        banner: requireBanner,
        ...props.bundling,
      },
    });
  }
}
