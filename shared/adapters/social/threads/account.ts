import * as v from 'valibot';
import { baseUrlField, expiresAtField, textField } from '../account-fields.ts';

export type ThreadsAccount = {
  /** https://graph.threads.net */
  baseUrl: string;
  /** The Threads user id (or "me"). */
  userId: string;
  username: string;
  accessToken: string;
  expiresAt?: string;
};

export const THREADS_BASE_URL = 'https://graph.threads.net';

export const threadsAccountSchema = v.strictObject({
  baseUrl: baseUrlField(THREADS_BASE_URL),
  userId: textField,
  username: textField,
  accessToken: textField,
  expiresAt: expiresAtField,
});
