/**
 * Spaces sends so that SES's maximum send rate is never exceeded. Each sender instance paces itself at its
 * share of the account's rate; the number of instances is capped (see the sender's setup), so the shares add
 * up to at most the rate.
 */
export type Pacer = { next: () => Promise<void> };
