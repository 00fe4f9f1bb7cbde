import { ParamsAndSecretsVersions } from 'aws-cdk-lib/aws-lambda';
import { Fact, FactName } from 'aws-cdk-lib/region-info';

/** The version of the Parameters and Secrets extension the functions load (constructs/secrets-extension.ts). */
export const SECRETS_EXTENSION_VERSION = ParamsAndSecretsVersions.V1_0_103;

/**
 * The regions whose layer ARN aws-cdk-lib knows for that version on arm64: an environment-agnostic template
 * maps the region to it, so a deploy anywhere else fails in CloudFormation (no mapping entry), after the
 * changes before it were applied. Checked by `npm run deploy` before anything reaches AWS.
 */
export const SUPPORTED_REGIONS: readonly string[] = Fact.regions
  .filter(
    (region) =>
      Fact.find(region, FactName.paramsAndSecretsLambdaLayer(SECRETS_EXTENSION_VERSION, 'arm64')) !==
      undefined,
  )
  .sort();

/** Why Dimanche cannot deploy to `region`, or undefined when it can. */
export const unsupportedRegion = (region: string): string | undefined =>
  SUPPORTED_REGIONS.includes(region)
    ? undefined
    : `region ${region} has no AWS Parameters and Secrets extension layer that the stack knows: deploy to one of ${SUPPORTED_REGIONS.join(', ')} (docs/deploy.md, "What you need")`;
