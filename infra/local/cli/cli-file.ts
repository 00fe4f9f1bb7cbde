import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Why a file could not be read, in the words a person uses (no errno, no stack). */
const reasonOf = (error: unknown): string => {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'there is no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  return error instanceof Error ? error.message : String(error);
};

/** One plain line on stderr and exit code 1: what a CLI does with a file it cannot use. */
export const exitWith = (message: string): never => {
  console.error(message);
  process.exit(1);
};

/** The file's bytes, or one line saying why not. */
export const readCliFile = (path: string): Buffer => {
  try {
    return readFileSync(resolve(path));
  } catch (error) {
    return exitWith(`Cannot read ${path}: ${reasonOf(error)}.`);
  }
};

export const readCliText = (path: string): string => readCliFile(path).toString('utf8');

const parsed = (path: string, text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    return exitWith(`${path} is not JSON: ${error instanceof Error ? error.message : String(error)}.`);
  }
};

/** The file as JSON, or one line naming the file and what is wrong with it. */
export const readCliJson = (path: string): unknown => parsed(path, readCliText(path));

/** The file's text, once it is known to be JSON: for a CLI that signs the very bytes it sends. */
export const readCliJsonText = (path: string): string => {
  const text = readCliText(path);
  parsed(path, text);
  return text;
};

/** The reason a file could not be written, for a CLI's one line. */
export const writeFailure = (path: string, error: unknown) =>
  `Cannot write ${path}: ${
    (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT'
      ? 'its folder does not exist'
      : reasonOf(error)
  }.`;
