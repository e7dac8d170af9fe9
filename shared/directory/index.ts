/** The directory: snapshot and users-CSV readers and the indexed view the checks query. */
export { createDirectoryView } from './view';
export { parseDirectorySnapshot } from './snapshot';
export { parseUsersCsv } from './csv';
export { parseDirectoryFile, loadDirectoryFile, type DirectoryFile } from './file';
