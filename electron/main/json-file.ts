/** Small JSON files in the app data folder, written atomically (temp file + rename) so a crash never leaves half a file. */
import { dirname, join } from 'node:path';

/** The part of node:fs/promises the stores use; tests pass a temporary folder with the real module. */
export interface FileSystem {
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  writeFile(
    path: string,
    text: string,
    options: { encoding: 'utf8'; mode?: number },
  ): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<string | undefined>;
}

export interface JsonFile<T> {
  read(): Promise<T>;
  write(value: T): Promise<void>;
}

/**
 * `parse` turns whatever is on disk into a valid value (or throws); a missing file gives `fallback`.
 * Files are created readable by the owner only: they can name orgs and hold encrypted secrets.
 */
export function jsonFile<T>(
  fs: FileSystem,
  folder: string,
  name: string,
  parse: (value: unknown) => T,
  fallback: () => T,
): JsonFile<T> {
  const path = join(folder, name);
  return {
    async read() {
      let text: string;
      try {
        text = await fs.readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fallback();
        throw error;
      }
      return parse(JSON.parse(text) as unknown);
    },
    async write(value) {
      await fs.mkdir(dirname(path), { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      await fs.writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`, {
        encoding: 'utf8',
        mode: 0o600,
      });
      await fs.rename(temporary, path);
    },
  };
}
