// An input or output that cannot be used at all (missing file, permission, full disk). Unlike a
// problem in a row, it stops the run: a report built without one of its logs would be wrong.
export class IoError extends Error {
  override readonly name = 'IoError';
}

/** A short reason for a Node.js file-system error, for messages such as "cannot read x.csv: permission denied". */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EROFS':
      return 'the file system is read-only';
    case 'EMFILE':
      return 'too many open files';
    case 'EIO':
      return 'input/output error';
    default:
      return (error as Error | undefined)?.message ?? String(error);
  }
}
