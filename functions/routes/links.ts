/** Kept for the callers outside the routes; the shapes live in shared/domain/public-urls.ts. */
export { archiveUrl, issueLinks, samplePersonalisation } from '../../shared/domain/public-urls.ts';
