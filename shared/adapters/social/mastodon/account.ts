import * as v from 'valibot';
import { baseUrlField, textField } from '../account-fields.ts';

export type MastodonAccount = {
  /** The instance, e.g. https://piaille.fr. */
  baseUrl: string;
  /** A user token with `write:statuses` and `read:accounts`/`read:statuses`; it does not expire. */
  accessToken: string;
};

export const mastodonAccountSchema = v.strictObject({ baseUrl: baseUrlField(), accessToken: textField });
