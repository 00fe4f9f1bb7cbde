import * as v from 'valibot';
import { baseUrlField, expiresAtField, textField } from '../account-fields.ts';

export type XAccount = {
  /** https://api.x.com */
  baseUrl: string;
  /** OAuth 2.0 user token (tweet.write, tweet.read, users.read). */
  accessToken: string;
  /** Builds the post's public URL. */
  username: string;
  expiresAt?: string;
};

export const X_BASE_URL = 'https://api.x.com';

export const xAccountSchema = v.strictObject({
  baseUrl: baseUrlField(X_BASE_URL),
  accessToken: textField,
  username: textField,
  expiresAt: expiresAtField,
});
