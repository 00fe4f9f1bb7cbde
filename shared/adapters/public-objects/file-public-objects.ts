import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { PublicObject, PublicObjects } from '../../ports/public-objects.ts';

export class PublicObjectFileError extends Error {
  override name = 'PublicObjectFileError';
}

/**
 * One machine: each object a JSON file in the data folder (it outlives a restart, as the bucket does), read
 * once into memory. This process is the only writer, so its memory is never behind its files.
 */
export const filePublicObjects = (dir: string): PublicObjects => {
  const memory = new Map<string, PublicObject | undefined>();
  const fileOf = (key: string) => join(dir, `${encodeURIComponent(key)}.json`);
  return {
    get: async (key) => {
      if (memory.has(key)) return memory.get(key);
      const object = await readFile(fileOf(key), 'utf8').then(
        (text) => JSON.parse(text) as PublicObject,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return undefined;
          throw new PublicObjectFileError(`cannot read the public object ${key}`, { cause: error });
        },
      );
      memory.set(key, object);
      return object;
    },
    put: async (key, object) => {
      const file = fileOf(key);
      await mkdir(dirname(file), { recursive: true });
      // Written whole then renamed: a reader never sees half a page.
      await writeFile(`${file}.tmp`, JSON.stringify(object));
      await rename(`${file}.tmp`, file);
      memory.set(key, object);
    },
  };
};
