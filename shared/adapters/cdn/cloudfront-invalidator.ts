import { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import type { CdnInvalidator } from '../../ports/public-objects.ts';

export class CdnInvalidationError extends Error {
  override name = 'CdnInvalidationError';
}

/**
 * One CreateInvalidation for the paths given (CloudFront drops its copies at every edge, usually within a
 * minute). The caller reference makes a retry of the same batch one invalidation, not two.
 */
export const cloudFrontInvalidator = (options: {
  distributionId: string;
  client?: CloudFrontClient;
  reference: (paths: readonly string[]) => string;
}): CdnInvalidator => {
  const client = options.client ?? new CloudFrontClient({});
  return {
    invalidate: async (paths) => {
      if (paths.length === 0) return;
      const items = [...new Set(paths)].sort();
      try {
        await client.send(
          new CreateInvalidationCommand({
            DistributionId: options.distributionId,
            InvalidationBatch: {
              CallerReference: options.reference(items),
              Paths: { Quantity: items.length, Items: items },
            },
          }),
        );
      } catch (cause) {
        throw new CdnInvalidationError(`CloudFront did not take the invalidation of ${items.join(', ')}`, {
          cause,
        });
      }
    },
  };
};
