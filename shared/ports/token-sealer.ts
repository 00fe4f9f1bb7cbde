/**
 * Encrypts tokens at rest: KMS on AWS, a local key on one machine. What it seals is never logged or shown;
 * only the refresh and publish steps open it.
 */
export type TokenSealer = {
  seal: (plaintext: string) => Promise<string>;
  open: (sealed: string) => Promise<string>;
};
