import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/**
 * A whole file with the stat of the very file read (fstat of the open descriptor). With `size`,
 * a file of another size is not read at all (undefined). A file that shrinks while it is read
 * gives fewer bytes than its stat says.
 */
export function readWhole(file: string): { bytes: Buffer; stat: Stats };
export function readWhole(file: string, size: number): { bytes: Buffer; stat: Stats } | undefined;
export function readWhole(file: string, size?: number): { bytes: Buffer; stat: Stats } | undefined {
  return readOpen(openSync(file, 'r'), size, false);
}

/**
 * As readWhole, but only a regular file (undefined for anything else), opened without blocking:
 * for a file nobody vouches for (a cache file), which a FIFO in its place would otherwise make
 * wait forever at the open.
 */
export function readRegular(file: string): { bytes: Buffer; stat: Stats } | undefined {
  return readOpen(openSync(file, constants.O_RDONLY | constants.O_NONBLOCK), undefined, true);
}

function readOpen(fd: number, size: number | undefined, regularOnly: boolean): { bytes: Buffer; stat: Stats } | undefined {
  try {
    // Plain numbers, as every stat on diag's way: one kind of Stats for Node to compile at start-up.
    const stat = fstatSync(fd);
    if (regularOnly && !stat.isFile()) return undefined;
    if (size !== undefined && stat.size !== size) return undefined;
    const bytes = Buffer.allocUnsafe(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return { bytes: bytes.subarray(0, read), stat };
  } finally {
    closeSync(fd);
  }
}
