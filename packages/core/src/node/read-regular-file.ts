import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Largest file {@link readRegularFile} reads by default, in bytes (64 MiB). */
export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Why a file could not be opened or read. */
export type ReadFailure =
  /** Nothing at the path (ENOENT, ENOTDIR). */
  | 'missing'
  /** EACCES or EPERM. */
  | 'denied'
  | 'directory'
  /** A FIFO, socket or device: reading it could block forever or never end. */
  | 'not-regular'
  /** More bytes than allowed (also for files whose size the kernel reports as 0, as in /proc). */
  | 'too-large'
  /** Any other error, with its errno code. */
  | 'error';

/** An open regular file, or why there is none. */
export type OpenResult =
  | { readonly ok: true; readonly fd: number; readonly size: number }
  | { readonly ok: false; readonly reason: ReadFailure; readonly code?: string };

/** The bytes of a regular file, or why there are none. */
export type ReadResult =
  | { readonly ok: true; readonly bytes: Buffer }
  | { readonly ok: false; readonly reason: ReadFailure; readonly code?: string };

const failure = (error: unknown): { ok: false; reason: ReadFailure; code?: string } => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: 'missing', code };
  if (code === 'EACCES' || code === 'EPERM') return { ok: false, reason: 'denied', code };
  if (code === 'EISDIR') return { ok: false, reason: 'directory', code };
  return { ok: false, reason: 'error', ...(code !== undefined ? { code } : {}) };
};

/**
 * Opens `path` for reading only when it is a regular file. The open is non-blocking, so a FIFO
 * without a writer is refused at once instead of hanging, and the type is checked on the opened
 * descriptor (no race between a check and the open). The caller closes `fd`. Never throws.
 */
export function openRegularFile(path: string): OpenResult {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return failure(error);
  }
  try {
    const st = fstatSync(fd);
    if (st.isFile()) return { ok: true, fd, size: st.size };
    closeSync(fd);
    return { ok: false, reason: st.isDirectory() ? 'directory' : 'not-regular' };
  } catch (error) {
    closeSync(fd);
    return failure(error);
  }
}

/**
 * Reads a regular file whole, refusing FIFOs, sockets and devices (`/dev/zero` would never end)
 * and stopping after `maxBytes` (default {@link DEFAULT_MAX_FILE_BYTES}): the read counts bytes
 * as they arrive, so files that report size 0 (`/proc/…`) are bounded too. Never throws.
 */
export function readRegularFile(path: string, options: { readonly maxBytes?: number } = {}): ReadResult {
  const max = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const opened = openRegularFile(path);
  if (!opened.ok) return opened;
  const { fd } = opened;
  try {
    if (opened.size > max) return { ok: false, reason: 'too-large' };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // One byte past the limit tells "exactly max" from "more than max".
      const buf = Buffer.allocUnsafe(Math.min(1 << 20, max + 1 - total));
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      total += n;
      if (total > max) return { ok: false, reason: 'too-large' };
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (error) {
    return failure(error);
  } finally {
    closeSync(fd);
  }
}
