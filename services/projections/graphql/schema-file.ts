import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The published contract, `schema/register.graphql`, found by walking up from this file (src and dist alike). */
export const schemaFilePath = (): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'schema', 'register.graphql');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('schema/register.graphql not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
};

/** The SDL the server is built from: read at start, so the file is the contract and not a copy of it. */
export const loadSchemaSdl = (): string => readFileSync(schemaFilePath(), 'utf8');
