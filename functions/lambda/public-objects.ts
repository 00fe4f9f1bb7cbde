import { signedAwsFetch } from '../../shared/adapters/aws/signed-fetch.ts';
import { s3PublicObjects } from '../../shared/adapters/public-objects/s3-public-objects.ts';
import type { PublicObjects } from '../../shared/ports/public-objects.ts';
import { bucketAddress } from '../../shared/adapters/aws/bucket-address.ts';

/** The bucket of public pages, when the stack has one (issue 26); both the API and the render step use it. */
export const bucketPublicObjects = (config: {
  PUBLIC_OBJECTS_BUCKET?: string | undefined;
  AWS_ENDPOINT_URL_S3?: string | undefined;
  AWS_REGION: string;
}): PublicObjects | undefined => {
  if (!config.PUBLIC_OBJECTS_BUCKET) return undefined;
  const { endpoint, prefix } = bucketAddress({
    ...config,
    PUBLIC_OBJECTS_BUCKET: config.PUBLIC_OBJECTS_BUCKET,
  });
  return s3PublicObjects(signedAwsFetch({ service: 's3', region: config.AWS_REGION, endpoint }), prefix);
};
