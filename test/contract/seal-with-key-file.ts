import { localTokenSealer } from '../../infra/local/runtime/local-token-sealer.ts';

// One process starting on a key file (argv: the file, a plaintext): prints what it sealed, for a race test.
const [keyFile, plaintext] = process.argv.slice(2);
if (!keyFile || plaintext === undefined)
  throw new RangeError('usage: seal-with-key-file <key file> <plaintext>');
process.stdout.write(await localTokenSealer(keyFile).seal(plaintext));
