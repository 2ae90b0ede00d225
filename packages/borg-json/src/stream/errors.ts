/**
 * borg's error and warning classes by `msgid`, with the exit code each gives: `legacy` (1.2,
 * 1.4 by default, 2.0 up to b8) is 2 for any error and 1 for any warning; `modern` (1.4 and b8
 * with `BORG_EXIT_CODES=modern`, the default from 2.0 b9) is the specific code below.
 */
export interface BorgErrorInfo {
  readonly msgid: string;
  readonly kind: 'error' | 'warning';
  /** Exit code with modern exit codes. */
  readonly modern: number;
  /** Exit code with legacy exit codes (2 for errors, 1 for warnings). */
  readonly legacy: 1 | 2;
  /** Whether borg follows it with a traceback message. */
  readonly traceback?: boolean;
}

type Row = [number, string, ('tb' | 'w')?];

const ROWS: Row[] = [
  [2, 'Error'],
  [2, 'ErrorWithTraceback', 'tb'],
  [2, 'Buffer.MemoryLimitExceeded'],
  [2, 'EfficientCollectionQueue.SizeUnderflow'],
  [2, 'RTError'],
  [2, 'Exception', 'tb'],
  [3, 'CancelledByUser'],
  [4, 'CommandError'],
  [5, 'PlaceholderError'],
  [6, 'InvalidPlaceholder'],
  [10, 'Repository.AlreadyExists'],
  [11, 'Repository.AtticRepository'],
  [12, 'Repository.CheckNeeded', 'tb'],
  [13, 'Repository.DoesNotExist'],
  [14, 'Repository.InsufficientFreeSpaceError'],
  [15, 'Repository.InvalidRepository'],
  [16, 'Repository.InvalidRepositoryConfig'],
  [17, 'Repository.ObjectNotFound', 'tb'],
  [18, 'Repository.ParentPathDoesNotExist'],
  [19, 'Repository.PathAlreadyExists'],
  [20, 'Repository.StorageQuotaExceeded'],
  [21, 'Repository.PathPermissionDenied'],
  [22, 'Repository.PackLocationUnknown'],
  [23, 'Repository.PackNotFound'],
  [24, 'Repository.PermissionDenied'],
  [25, 'MandatoryFeatureUnsupported'],
  [26, 'NoManifestError'],
  [27, 'UnsupportedManifestError'],
  [30, 'Archive.AlreadyExists'],
  [31, 'Archive.DoesNotExist'],
  [32, 'Archive.IncompatibleFilesystemEncodingError'],
  [40, 'KeyfileInvalidError'],
  [41, 'KeyfileMismatchError'],
  [42, 'KeyfileNotFoundError'],
  [43, 'NotABorgKeyFile'],
  [44, 'RepoKeyNotFoundError'],
  [45, 'RepoIdMismatch'],
  [46, 'UnencryptedRepo'],
  [47, 'UnknownKeyType'],
  [48, 'UnsupportedPayloadError'],
  [49, 'UnsupportedKeyFormatError'],
  [50, 'NoPassphraseFailure'],
  [51, 'PasscommandFailure'],
  [52, 'PassphraseWrong'],
  [53, 'PasswordRetriesExceeded'],
  [60, 'Cache.CacheInitAbortedError'],
  [61, 'Cache.EncryptionMethodMismatch'],
  [62, 'Cache.RepositoryAccessAborted'],
  [63, 'Cache.RepositoryIDNotUnique'],
  [64, 'Cache.RepositoryReplay'],
  [70, 'LockError'],
  [71, 'LockErrorT', 'tb'],
  [72, 'LockFailed', 'tb'],
  [73, 'LockTimeout'],
  [74, 'NotLocked', 'tb'],
  [75, 'NotMyLock', 'tb'],
  [80, 'ConnectionClosed'],
  [81, 'ConnectionClosedWithHint'],
  [82, 'InvalidRPCMethod'],
  [83, 'PathNotAllowed'],
  [84, 'RemoteRepository.RPCServerOutdated'],
  [85, 'UnexpectedRPCDataFormatFromClient'],
  [86, 'UnexpectedRPCDataFormatFromServer'],
  [87, 'ConnectionBrokenWithHint'],
  [90, 'IntegrityError', 'tb'],
  [91, 'FileIntegrityError', 'tb'],
  [92, 'DecompressionError', 'tb'],
  [95, 'ArchiveTAMInvalid', 'tb'],
  [96, 'ArchiveTAMRequiredError', 'tb'],
  [97, 'TAMInvalid', 'tb'],
  [98, 'TAMRequiredError', 'tb'],
  [99, 'TAMUnsupportedSuiteError', 'tb'],
  [1, 'BorgWarning', 'w'],
  [1, 'BackupWarning', 'w'],
  [100, 'FileChangedWarning', 'w'],
  [101, 'IncludePatternNeverMatchedWarning', 'w'],
  [102, 'BackupError', 'w'],
  [103, 'BackupRaceConditionError', 'w'],
  [104, 'BackupOSError', 'w'],
  [105, 'BackupPermissionError', 'w'],
  [106, 'BackupIOError', 'w'],
  [107, 'BackupFileNotFoundError', 'w'],
  [108, 'BackupSymlinkParentError', 'w'],
  [109, 'BackupPathTraversalError', 'w'],
  [110, 'BackupHardlinkSourceError', 'w'],
  [111, 'BackupTimeoutError', 'w'],
  [112, 'BackupBrokenSymlinkError', 'w'],
];

const TABLE = new Map<string, BorgErrorInfo>();
for (const [rc, msgid, flag] of ROWS) {
  const warning = flag === 'w';
  const info: BorgErrorInfo = {
    msgid,
    kind: warning ? 'warning' : 'error',
    modern: rc,
    legacy: warning ? 1 : 2,
    ...(flag === 'tb' ? { traceback: true } : {}),
  };
  TABLE.set(msgid, info);
}

/** Every known msgid with its exit codes. */
export const BORG_ERRORS: ReadonlyMap<string, BorgErrorInfo> = TABLE;

/**
 * The class behind a msgid. Accepts the b22 spellings without the `Cache.` prefix and the
 * `LegacyRepository.` twins of `Repository.` errors (2.0 `transfer`). `undefined` for msgids
 * that are not errors (progress and prompt msgids) or unknown ones.
 */
export function borgErrorInfo(msgid: string): BorgErrorInfo | undefined {
  const hit =
    TABLE.get(msgid) ??
    TABLE.get(`Cache.${msgid}`) ??
    TABLE.get(msgid.replace(/^LegacyRepository\./, 'Repository.'));
  if (hit) return hit;
  if (msgid.startsWith('Signal.')) return undefined;
  return undefined;
}

/** Exit code borg ends with for this msgid (`undefined` when the msgid is unknown). */
export function exitCodeFor(msgid: string, codes: 'legacy' | 'modern' = 'modern'): number | undefined {
  const i = borgErrorInfo(msgid);
  return i ? (codes === 'modern' ? i.modern : i.legacy) : undefined;
}

/** What a borg exit code means, in plain words (`rc` as the shell sees it). */
export function describeExitCode(rc: number, codes: 'legacy' | 'modern' = 'modern'): string {
  if (rc === 0) return 'success';
  if (rc >= 128) return `killed by signal ${rc - 128}`;
  if (codes === 'legacy' || rc === 1 || rc === 2)
    return rc === 1 ? 'warning' : rc === 2 ? 'error' : `unknown exit code ${rc}`;
  const hits = ROWS.filter(([c]) => c === rc).map(([, m]) => m);
  if (hits.length === 0) return `unknown exit code ${rc}`;
  return `${rc >= 100 ? 'warning' : 'error'}: ${hits.join(' or ')}`;
}
