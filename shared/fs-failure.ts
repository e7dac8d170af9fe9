/**
 * What went wrong with a file, in words a person can act on: "the disk is full" rather than
 * "ENOSPC: no space left on device, write '…'". Unknown codes keep the system's own message.
 */
export function fsFailure(error: unknown): string {
  switch ((error as { code?: string } | null)?.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOTDIR':
      return 'a folder on its path is a file';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'EROFS':
      return 'the disk is read-only';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
