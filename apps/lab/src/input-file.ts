import { openRegularFile, type ReadFailure, readRegularFile } from '@ftkit/core/node';
import { MAX_INPUT_BYTES, UsageError } from './io.js';

const READ_FAILURE: Readonly<Record<ReadFailure, string>> = {
  missing: 'no such file or directory',
  denied: 'permission denied',
  directory: 'is a directory',
  'not-regular': 'not a regular file (a FIFO, socket or device); pipe it to standard input as `-` instead',
  'too-large': `larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB`,
  error: 'read error',
};

function readError(shown: string, r: { reason: ReadFailure; code?: string }): UsageError {
  const why = r.reason === 'error' && r.code !== undefined ? r.code : READ_FAILURE[r.reason];
  return new UsageError(`Cannot read \`${shown}\`: ${why}`);
}

/**
 * The bytes of a file named on the command line. Refuses FIFOs, sockets and devices (they could
 * block forever or never end) and files over `maxBytes`; throws a {@link UsageError} naming
 * `shown` (the path as the user typed it).
 */
export function readInputFile(abs: string, shown: string, maxBytes = MAX_INPUT_BYTES): Buffer {
  const r = readRegularFile(abs, { maxBytes });
  if (!r.ok) throw readError(shown, r);
  return r.bytes;
}

/**
 * Opens a file named on the command line for streaming: a descriptor of a regular file, or a
 * {@link UsageError} (FIFOs, sockets and devices are refused; standard input is the way to pipe).
 */
export function openInputFile(abs: string, shown: string): number {
  const r = openRegularFile(abs);
  if (!r.ok) throw readError(shown, r);
  return r.fd;
}
