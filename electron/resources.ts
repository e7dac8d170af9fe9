/**
 * Files of resources/ read at run time (not imported into a bundle). The folder sits beside
 * electron/ in the source tree and two levels above a bundle (dist/cli/*.mjs, dist/electron/*.cjs),
 * which is also how the npm package lays it out.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CANDIDATES = ['../resources/', '../../resources/'];

export function resourcePath(relative: string): string {
  const paths = CANDIDATES.map((folder) =>
    fileURLToPath(new URL(folder + relative, import.meta.url)),
  );
  return paths.find((path) => existsSync(path)) ?? paths[0]!;
}
