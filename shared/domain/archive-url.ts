export { archiveUrl } from './public-urls.ts';
