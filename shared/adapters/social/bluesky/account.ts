import * as v from 'valibot';
import { baseUrlField, textField } from '../account-fields.ts';

export type BlueskyAccount = {
  /** The PDS or entryway, e.g. https://bsky.social. */
  baseUrl: string;
  /** Handle or DID. */
  identifier: string;
  /** An app password: createSession with it is rate-limited, so sessions are refreshed, not recreated. */
  appPassword: string;
};

export const BLUESKY_BASE_URL = 'https://bsky.social';

export const blueskyAccountSchema = v.strictObject({
  baseUrl: baseUrlField(BLUESKY_BASE_URL),
  identifier: textField,
  appPassword: textField,
});
