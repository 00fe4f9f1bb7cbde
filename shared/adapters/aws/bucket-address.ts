/** Where the bucket answers: its own (virtual-hosted) endpoint, or a stand-in's with the bucket in the path. */
export const bucketAddress = (config: {
  PUBLIC_OBJECTS_BUCKET: string;
  AWS_ENDPOINT_URL_S3?: string | undefined;
  AWS_REGION: string;
}) =>
  config.AWS_ENDPOINT_URL_S3
    ? { endpoint: config.AWS_ENDPOINT_URL_S3, prefix: `/${config.PUBLIC_OBJECTS_BUCKET}` }
    : {
        endpoint: `https://${config.PUBLIC_OBJECTS_BUCKET}.s3.${config.AWS_REGION}.amazonaws.com`,
        prefix: '',
      };
