import { resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const dataDir = resolve(repoRoot, process.env.DATA_DIR ?? '.data');
export const secretsFile = resolve(dataDir, 'local-secrets.json');
export const apiUrl = process.env.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
