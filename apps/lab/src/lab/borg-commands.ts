import {
  buildCheck,
  buildCompact,
  buildCreate,
  buildExtract,
  buildInit,
  buildKeyExport,
  buildList,
  buildPrune,
} from '@ftkit/borg-json/lite';
import type { LabBackup, LabBackupClient, LabSpec } from './spec.js';

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
  compact(): string[];
  check(): string[];
  list(): string[];
  extractDryRun(archive: string): string[];
}

/** The repository URL a client uses. */
export function repositoryUrl(spec: LabSpec, backup: LabBackup): string {
  const server = spec.nodes.find((n) => n.name === backup.server)!;
  return `ssh://${backup.user}@${server.address}${repositoryPath(backup)}`;
}

/** Absolute path of the repository on the server. */
export function repositoryPath(backup: LabBackup): string {
  return `${backup.home.replace(/\/+$/, '')}/${backup.repository}`;
}

/** The borg version the commands target (Ubuntu 20.04 backports and Debian 12 ship 1.2). */
export const BORG_VERSION = '1.2';

/**
 * argv builders for one client, bound to `repository` (a URL or, in tests, a local path). The
 * command lines come from `@ftkit/borg-json`'s builders.
 */
export function borgCommands(backup: LabBackup, client: LabBackupClient, repository: string): BorgCommands {
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
    compact: () => buildCompact(base),
    check: () => buildCheck({ ...base, verifyData: true }),
    list: () => buildList(base),
    extractDryRun: (archive) => buildExtract({ ...base, archive, dryRun: true, list: true }),
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
