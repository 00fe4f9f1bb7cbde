import twitter from 'twitter-text';
import type { CountingTools } from './compose-length.ts';

/** The counting libraries, loaded only where a post is composed (twitter-text is ~110 KB minified). */
export const COUNTING_TOOLS: CountingTools = { twitter };
