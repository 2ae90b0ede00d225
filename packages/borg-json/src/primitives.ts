/**
 * The zod-free part of the main entry that `@ftkit/borg` uses: versions, timestamps, zones and
 * the error table. The main entry re-exports it; it is not an entry of its own. The
 * `ftkit` bundle resolves `@ftkit/borg`'s imports of `@ftkit/borg-json` here, so that building
 * borg command lines (`ftkit lab generate`) does not reach the document and log readers and zod
 * through the main entry (esbuild puts modules into chunks by what a command reaches through
 * re-exports, not by what it uses). A test keeps this list equal to what `@ftkit/borg` imports.
 */
export type { BorgErrorInfo } from './stream/errors.js';
export { BORG_ERRORS, borgErrorInfo, describeExitCode, exitCodeFor } from './stream/errors.js';
export type { WallTime } from './time/zone.js';
export { formatOffset, ZoneClock } from './time/zone.js';
export { BorgTimestamp, parseBorgTimestamp } from './timestamp.js';
export type { BorgVersion } from './version.js';
export { isV2From, parseBorgVersion, versionAtLeast } from './version.js';
