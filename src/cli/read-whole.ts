import { closeSync, fstatSync, openSync, readSync, type BigIntStats } from 'node:fs';

/**
 * A whole file with the stat of the very file read (fstat of the open descriptor). With `size`,
 * a file of another size is not read at all (undefined). A file that shrinks while it is read
 * gives fewer bytes than its stat says.
 */
export function readWhole(file: string): { bytes: Buffer; stat: BigIntStats };
export function readWhole(file: string, size: number): { bytes: Buffer; stat: BigIntStats } | undefined;
export function readWhole(file: string, size?: number): { bytes: Buffer; stat: BigIntStats } | undefined {
  const fd = openSync(file, 'r');
  try {
    const stat = fstatSync(fd, { bigint: true });
    if (size !== undefined && stat.size !== BigInt(size)) return undefined;
    const bytes = Buffer.allocUnsafe(Number(stat.size));
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
