import type { SignIn } from '../accounts/sign-in.ts';
import type { ComposeRules, CountingTools, LengthRule } from './compose-length.ts';

/** Everything the domain knows of one network: a row of the registry (registry.ts). */
export type NetworkRow<Id extends string = string> = {
  /** How configuration, storage and URLs name it: lower case, stable forever (stored with each attempt). */
  id: Id;
  /** Its name as the network itself writes it (its brand), in every language. */
  name: string;
  /**
   * How it counts a post, given what the account's server says (Mastodon's limits are the instance's) and the
   * counting libraries the composer hands over.
   */
  lengthRule: (rules: ComposeRules, tools: CountingTools) => LengthRule;
  /** Links are plain text there unless the post carries their byte ranges (Bluesky's facets). */
  linkFacets?: boolean;
  /** How she connects it from Réglages (see accounts/sign-in.ts). */
  signIn: SignIn;
};

/** Keeps the row's id a literal, so the registry's ids are a union type. */
export const networkRow = <const Id extends string>(row: NetworkRow<Id>): NetworkRow<Id> => row;
