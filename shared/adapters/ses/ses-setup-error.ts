/**
 * SES refused a send for a reason that is no reader's fault (403: an unverified sender, a missing permission;
 * 404): retrying the same reader changes nothing, so it stops the batch for the operator to see.
 */
export class SesSetupError extends Error {
  override name = 'SesSetupError';
}
