import fc from 'fast-check';
import { toASCII } from 'tr46';
import isEmailModule from 'validator/lib/isEmail.js';
import { describe, expect, it } from 'vitest';
import { normaliseEmail } from '../../shared/domain/email-address.ts';

const isEmail = isEmailModule.default;

// UTS #46 with the DNS's rules, as the `tr46` package applies it: the oracle the app's own mapping (Node's URL
// host parser plus the DNS rules) must agree with, on every domain drawn. Bidi as browsers check it: within a
// label, not across a domain (RFC 5893's rule on "0x7f.مثال" refuses the ASCII label beside the Arabic one;
// the WHATWG URL parser, and so the app, leave it to the DNS).
const IDNA = {
  checkBidi: false,
  checkHyphens: true,
  checkJoiners: true,
  useSTD3ASCIIRules: true,
  verifyDNSLength: true,
  transitionalProcessing: false,
} as const;
const expected = (domain: string) => {
  const ascii = toASCII(domain, IDNA);
  if (!ascii) return undefined;
  const address = `lea@${ascii}`.toLowerCase();
  return isEmail(address, { allow_utf8_local_part: false, require_tld: true, allow_ip_domain: false })
    ? address
    : undefined;
};

const label = fc.constantFrom(
  'exemple',
  'exämple',
  'faß',
  'MÜNCHEN',
  'xn--exmple-cua',
  'xn--a',
  'ＡＢＣ',
  'ab--c',
  '-a',
  'a-',
  'a_b',
  'ex\u200dample',
  'مثال',
  'a%2e',
  '0x7f',
  '127',
  'x'.repeat(63),
  'x'.repeat(64),
  '',
  'fr',
  'org',
);
const domain = fc.array(label, { minLength: 1, maxLength: 5 }).map((labels) => labels.join('.'));

describe("a reader's domain", () => {
  it('maps to the A-label UTS #46 gives it, or is refused where UTS #46 and the DNS refuse it', () => {
    fc.assert(
      fc.property(domain, (d) => {
        expect(normaliseEmail(`lea@${d}`)).toBe(expected(d));
      }),
      { numRuns: 500 },
    );
  });

  it('takes the spellings of one mailbox to one address', () => {
    for (const spelling of ['lea@exämple.fr', 'lea@EXÄMPLE.fr', 'lea@xn--exmple-cua.fr', '"lea"@exämple.fr'])
      expect(normaliseEmail(spelling)).toBe('lea@xn--exmple-cua.fr');
    expect(normaliseEmail('lea@a.b%2e.fr')).toBeUndefined();
  });
});
