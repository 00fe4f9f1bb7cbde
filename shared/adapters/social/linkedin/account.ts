import * as v from 'valibot';
import { baseUrlField, expiresAtField, textField } from '../account-fields.ts';

export type LinkedInAccount = {
  /** https://api.linkedin.com */
  baseUrl: string;
  accessToken: string;
  /** urn:li:person:… or urn:li:organization:… */
  author: string;
  /** The `LinkedIn-Version` header, YYYYMM; LinkedIn answers 426 once it is retired. */
  version: string;
  expiresAt?: string;
};

export const LINKEDIN_BASE_URL = 'https://api.linkedin.com';

export const linkedInAccountSchema = v.strictObject({
  baseUrl: baseUrlField(LINKEDIN_BASE_URL),
  accessToken: textField,
  author: v.pipe(
    textField,
    v.regex(/^urn:li:(person|organization):\S+$/, 'must be urn:li:person:… or urn:li:organization:…'),
  ),
  version: v.pipe(textField, v.regex(/^\d{6}$/, 'must be YYYYMM')),
  expiresAt: expiresAtField,
});
