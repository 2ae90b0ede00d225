import {
  buildCheck,
  buildCompact,
  buildCreate,
  buildExtract,
  buildInit,
  buildKeyExport,
  buildList,
  buildPrune,
} from '@ftkit/borg';
import type { LabBackup, LabBackupClient, LabSpec } from '../spec/spec.js';

/**
 * argv builders for the borg 1.2 commands the lab runs (the words after nothing: `argv[0]` is
 * `borg`). Repository URLs are `ssh://USER@HOST/ABSOLUTE/PATH`.
 */
export interface BorgCommands {
  readonly repository: string;
  init(): string[];
  keyExportPaper(): string[];
  create(): string[];
  prune(): string[];
  /** `borg compact` (borg 1.2 and later); `undefined` on borg 1.1, where prune frees the space itself. */
  compact(): string[] | undefined;
  check(): string[];
  list(): string[];
  extractDryRun(archive: string): string[];
  /** Extracts `paths` (relative, without the leading `/`) of `archive` into the current directory. */
  extract(archive: string, paths: readonly string[]): string[];
}

/** The repository URL a client uses. */
export function repositoryUrl(spec: LabSpec, backup: LabBackup, client?: LabBackupClient): string {
  const server = spec.nodes.find((n) => n.name === backup.server)!;
  return `ssh://${backup.user}@${server.address}${repositoryPath(backup, client)}`;
}

/**
 * Absolute path of a client's repository on the server: `HOME/REPOSITORY` with one client (the
 * original lab's `BackupRepo`), `HOME/REPOSITORY-NODE` with several. One repository per client:
 * two clients sharing one would each `borg init` it with their own passphrase, and a client's
 * `prune` would see the other's archives.
 */
export function repositoryPath(backup: LabBackup, client?: LabBackupClient): string {
  const base = `${backup.home.replace(/\/+$/, '')}/${backup.repository}`;
  return client && backup.clients.length > 1 ? `${base}-${client.node}` : base;
}

/**
 * The borg version the command builders are asked for. The lab's commands and options are the
 * same in 1.1 and 1.2 except `compact` (1.2 only), which {@link borgCommands} leaves out for 1.1;
 * a test checks every generated word against borg 1.1's documented commands and options.
 */
export const BORG_VERSION = '1.2';

/**
 * argv builders for one client, bound to `repository` (a URL or, in tests, a local path). The
 * command lines come from `@ftkit/borg`'s builders.
 */
export function borgCommands(
  backup: LabBackup,
  client: LabBackupClient,
  repository: string,
  series: '1.1' | '1.2' = '1.2',
): BorgCommands {
  const r = backup.retention;
  const base = { repo: repository, borgVersion: BORG_VERSION };
  const policy = {
    ...(r.hourly ? { keepHourly: r.hourly } : {}),
    ...(r.daily ? { keepDaily: r.daily } : {}),
    ...(r.weekly ? { keepWeekly: r.weekly } : {}),
    ...(r.monthly ? { keepMonthly: r.monthly } : {}),
    ...(r.yearly ? { keepYearly: r.yearly } : {}),
  };
  return {
    repository,
    init: () => buildInit({ ...base, encryption: client.encryption }),
    keyExportPaper: () => buildKeyExport({ ...base, paper: true }),
    create: () =>
      buildCreate({
        ...base,
        archive: '{hostname}-{now}',
        paths: client.paths,
        stats: true,
        compression: client.compression,
        exclude: client.excludes,
        excludeCaches: true,
      }),
    prune: () => buildPrune({ ...base, policy, list: true, glob: '{hostname}-*' }),
    compact: () => (series === '1.1' ? undefined : buildCompact(base)),
    check: () => buildCheck({ ...base, verifyData: true }),
    list: () => buildList(base),
    extractDryRun: (archive) => buildExtract({ ...base, archive, dryRun: true, list: true }),
    extract: (archive, paths) => buildExtract({ ...base, archive, paths }),
  };
}

/** Quotes a word for a POSIX shell (for RUNBOOK.md commands). */
export function shellWord(w: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `'${w.replaceAll("'", `'\\''`)}'`;
}

/** A command line for RUNBOOK.md. */
export function shellLine(argv: readonly string[]): string {
  return argv.map(shellWord).join(' ');
}
