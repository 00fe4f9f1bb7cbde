import * as v from 'valibot';
import { baseUrlField, expiresAtField, textField } from '../account-fields.ts';

export type FacebookAccount = {
  /** https://graph.facebook.com */
  baseUrl: string;
  pageId: string;
  /** A Page token with pages_manage_posts. */
  pageAccessToken: string;
  /** Graph API version, e.g. v21.0. */
  graphVersion: string;
  expiresAt?: string;
};

export const FACEBOOK_BASE_URL = 'https://graph.facebook.com';

export const facebookAccountSchema = v.strictObject({
  baseUrl: baseUrlField(FACEBOOK_BASE_URL),
  pageId: textField,
  pageAccessToken: textField,
  graphVersion: v.pipe(textField, v.regex(/^v\d+\.\d+$/, 'must look like v21.0')),
  expiresAt: expiresAtField,
});
