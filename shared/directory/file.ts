/** `--directory FILE`: a snapshot JSON or a users CSV, told apart by content. */
import { cannotRead, ConfigError } from '../config/load';
import { parseUsersCsv } from './csv';
import { parseDirectorySnapshot } from './snapshot';
import type { DirectorySnapshot, DirectoryView } from './types';
import { createDirectoryView } from './view';

export interface DirectoryFile {
  snapshot: DirectorySnapshot;
  /** Things a person should know but that do not stop the run (unknown CSV columns). The CLI prints them on stderr. */
  warnings: string[];
  /** "snapshot directory.json" or "users CSV users.csv", for the report. */
  source: string;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function looksLikeJson(text: string, fileName: string): boolean {
  const first = text.replace(/^\uFEFF/, '').trimStart()[0];
  return first === '{' || first === '[' || /\.json$/i.test(fileName);
}

export function parseDirectoryFile(text: string, fileName: string): DirectoryFile {
  if (!text.trim()) throw new ConfigError(`${fileName}: the directory file is empty`, '');
  if (looksLikeJson(text, fileName)) {
    return {
      snapshot: parseDirectorySnapshot(text, fileName),
      warnings: [],
      source: `snapshot ${baseName(fileName)}`,
    };
  }
  const csv = parseUsersCsv(text, fileName);
  return { ...csv, source: `users CSV ${baseName(fileName)}` };
}

/** Reads, validates and indexes a directory file; the caller supplies the reading (shared code does no I/O). */
export function loadDirectoryFile(
  path: string,
  readText: (path: string) => string,
): { view: DirectoryView; warnings: string[] } {
  let text: string;
  try {
    text = readText(path);
  } catch (error) {
    throw cannotRead('directory', path, error);
  }
  const file = parseDirectoryFile(text, path);
  return { view: createDirectoryView(file.snapshot, file.source), warnings: file.warnings };
}
