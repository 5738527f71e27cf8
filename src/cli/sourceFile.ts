import { closeSync, constants, fstatSync, openSync, readFileSync, readSync } from 'node:fs';

/** Largest file the CLI reads (bytes): far above any real Python source, far below what would exhaust memory. */
export const MAX_SOURCE_BYTES = 16 * 1024 * 1024;

/**
 * Runs `use` on a regular file of at most MAX_SOURCE_BYTES; throws a one-line reason for anything else (a FIFO,
 * `/dev/zero`, a directory, a huge file). Opened non-blocking: opening a FIFO with no writer would wait forever.
 */
function withSourceFile<T>(path: string, use: (fd: number) => T): T {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new Error('not a regular file');
    if (stat.size > MAX_SOURCE_BYTES)
      throw new Error(`${stat.size} bytes, more than the ${MAX_SOURCE_BYTES / 2 ** 20} MiB the CLI reads`);
    return use(fd);
  } finally {
    closeSync(fd);
  }
}

/** A source file's text (see `withSourceFile` for what is refused). */
export function readSource(path: string): string {
  return withSourceFile(path, (fd) => readFileSync(fd, 'utf8'));
}

/** The first `bytes` bytes of a source file as text. */
export function readSourceHead(path: string, bytes: number): string {
  return withSourceFile(path, (fd) => {
    const buffer = Buffer.alloc(bytes);
    return buffer.subarray(0, readSync(fd, buffer, 0, bytes, 0)).toString('utf8');
  });
}
