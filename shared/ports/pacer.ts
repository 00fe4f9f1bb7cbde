/**
 * Spaces sends so that SES's maximum send rate is never exceeded. Each sender instance paces itself at its
 * share of the account's rate; the number of instances is capped (see the sender's setup), so the shares add
 * up to at most the rate. `next` waits for a slot and returns what to call once SES has answered: the pacer
 * counts a send as done only then, since SES counts it somewhere between the call and its answer.
 */
export type Pacer = { next: () => Promise<SendDone> };
export type SendDone = () => void;
