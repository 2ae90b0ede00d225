import { type BorgVersion, isV2From, parseBorgVersion } from '@ftkit/borg-json';
import { FtkitError } from '@ftkit/core';
import type { PrunePolicy } from '../prune/plan.js';
import { isRootPattern, patternProblem } from './patterns.js';
import { placeholderProblem } from './placeholders.js';

/**
 * Typed builders for borg command lines. Each returns an argv array (`[binary, ...args]`) for
 * `execFile`/`spawn`/systemd `ExecStart=`, never a shell string, so names with spaces, quotes
 * or `$` stay what they are. Secrets (passphrases) never go on the command line: pass them in
 * the environment (`BORG_PASSPHRASE`, `BORG_PASSCOMMAND`).
 *
 * The version decides the command names and where the repository goes: 1.x puts it in the
 * positional `REPO` / `REPO::ARCHIVE`; 2.0 uses `-r REPO` and renamed commands (`rcreate` →
 * `repo-create` in b10, `rlist` → `repo-list`, …).
 */
export interface BorgCommandBase {
  /** Repository: a path, `ssh://user@host:port/./repo` or (1.x) `user@host:repo`. */
  readonly repo: string;
  /** Target version: `1.2`, `1.4`, `2.0` (= 2.0.0b5), `2.0.0b12` … Default `1.4`. */
  readonly borgVersion?: string;
  /** Executable to run. Default `borg` (Debian installs 2.0 as `borg2`). */
  readonly binary?: string;
  /** `--log-json` (machine-readable stderr). */
  readonly logJson?: boolean;
  /** `--progress`. */
  readonly progress?: boolean;
  /** `--lock-wait SECONDS`. */
  readonly lockWait?: number;
  /** `--remote-path PATH` (borg on the server). */
  readonly remotePath?: string;
  /** Extra raw arguments placed before the positional ones (escape hatch, not checked). */
  readonly extraArgs?: readonly string[];
}

/** A repository location, split. */
export interface RepoLocation {
  readonly kind: 'local' | 'ssh' | 'scp';
  readonly user?: string;
  readonly host?: string;
  readonly port?: number;
  readonly path: string;
}

/**
 * Throws the {@link FtkitError} for an argument borg would reject (a programmer error in the
 * caller): `code` is `borg/<kebab-id>`, `path` the offending option (`['archive']`, `['patterns', 2]`).
 */
function fail(code: string, message: string, path: readonly (string | number)[]): never {
  throw new FtkitError(`borg/${code}`, message, { path });
}

/**
 * Parses a repository location: `ssh://[user@]host[:port]/path` (`/./rel` is relative to the
 * home directory), scp style `[user@]host:path` (1.x), or a local path.
 */
export function parseRepoLocation(repo: string): RepoLocation {
  if (repo.length === 0 || /[\n\r\0]/.test(repo))
    fail('invalid-repository', `Invalid repository \`${repo}\``, ['repo']);
  const ssh = /^ssh:\/\/(?:([^@/]+)@)?(\[[^\]]+\]|[^:/]+)(?::(\d+))?(\/.*)$/.exec(repo);
  if (ssh) {
    return {
      kind: 'ssh',
      ...(ssh[1] !== undefined ? { user: ssh[1] } : {}),
      host: ssh[2]!,
      ...(ssh[3] !== undefined ? { port: Number(ssh[3]) } : {}),
      path: ssh[4]!,
    };
  }
  if (repo.startsWith('ssh://'))
    fail('invalid-repository', `Invalid repository \`${repo}\`: expected ssh://user@host:port/path`, [
      'repo',
    ]);
  const scp = /^(?:([^@/:]+)@)?([^:/]+):(.+)$/.exec(repo);
  if (scp && !repo.startsWith('/') && !/^[a-z]+:\/\//.test(repo)) {
    return { kind: 'scp', ...(scp[1] !== undefined ? { user: scp[1] } : {}), host: scp[2]!, path: scp[3]! };
  }
  return { kind: 'local', path: repo };
}

function version(o: BorgCommandBase): BorgVersion {
  const v = parseBorgVersion(o.borgVersion ?? '1.4');
  if (!v) fail('unknown-version', `Unknown borg version \`${o.borgVersion}\``, ['borgVersion']);
  return v;
}

function checkArchiveName(name: string, v: BorgVersion): void {
  if (name.length === 0 || /[\n\r\0/]/.test(name))
    fail('invalid-archive-name', `Invalid archive name \`${name}\``, ['archive']);
  if (v.major === 1 && name.includes('::'))
    fail(
      'invalid-archive-name',
      `Invalid archive name \`${name}\`: \`::\` separates repository and archive`,
      ['archive'],
    );
  const problem = placeholderProblem(name);
  if (problem !== undefined)
    fail('invalid-archive-name', `Invalid archive name \`${name}\`: ${problem}`, ['archive']);
}

/**
 * `--pattern LINE`, or `--pattern=LINE` when the line starts with `-`: argparse would read a
 * separate `-home/x` as an option and fail with "expected 1 argument".
 */
function pushPattern(argv: string[], line: string): void {
  if (line.startsWith('-')) argv.push(`--pattern=${line}`);
  else argv.push('--pattern', line);
}

function checkPatterns(patterns: readonly string[] | undefined): void {
  for (const [i, p] of (patterns ?? []).entries()) {
    const problem = patternProblem(p);
    if (problem !== undefined)
      fail('invalid-pattern', `Invalid pattern \`${p}\`: ${problem}`, ['patterns', i]);
  }
}

/** Global options, then the command words (2.0: `-r REPO` first). */
function head(o: BorgCommandBase, v: BorgVersion, words: readonly string[]): string[] {
  parseRepoLocation(o.repo);
  const argv = [o.binary ?? 'borg'];
  if (o.logJson) argv.push('--log-json');
  if (o.progress) argv.push('--progress');
  if (o.lockWait !== undefined) argv.push('--lock-wait', String(o.lockWait));
  if (o.remotePath !== undefined) argv.push('--remote-path', o.remotePath);
  if (v.major === 2) argv.push('-r', o.repo);
  argv.push(...words);
  return argv;
}

/** Appends positionals, with `--` first when one of them looks like an option. */
function tail(argv: string[], o: BorgCommandBase, positionals: readonly string[]): string[] {
  if (o.extraArgs) argv.push(...o.extraArgs);
  if (positionals.some((p) => p.startsWith('-'))) argv.push('--');
  argv.push(...positionals);
  return argv;
}

const v2cmd = (v: BorgVersion, b5: string, b10: string) => (isV2From(v, 10) ? b10 : b5);

/** Options for {@link buildInit}. */
export interface InitOptions extends BorgCommandBase {
  /** `--encryption`: 1.x `repokey`, `keyfile-blake2`, `none` …; 2.0 `repokey-aes-ocb` …; b22 `aes256-ocb` … */
  readonly encryption: string;
  readonly appendOnly?: boolean;
  /** `--storage-quota` (1.x), e.g. `5G`. */
  readonly storageQuota?: string;
  readonly makeParentDirs?: boolean;
  /** `--other-repo` (2.0): copy key material from another repository. */
  readonly otherRepo?: string;
}

/** `borg init` (1.x) / `borg rcreate` (b5..b9) / `borg repo-create` (b10+). */
export function buildInit(o: InitOptions): string[] {
  const v = version(o);
  const argv = head(o, v, v.major === 1 ? ['init'] : [v2cmd(v, 'rcreate', 'repo-create')]);
  argv.push(`--encryption=${o.encryption}`);
  if (o.appendOnly) argv.push('--append-only');
  if (o.storageQuota) argv.push('--storage-quota', o.storageQuota);
  if (o.makeParentDirs) argv.push('--make-parent-dirs');
  if (o.otherRepo !== undefined && v.major === 2) argv.push('--other-repo', o.otherRepo);
  return tail(argv, o, v.major === 1 ? [o.repo] : []);
}

/** Options for {@link buildCreate}. */
export interface CreateOptions extends BorgCommandBase {
  /**
   * Archive name; placeholders like `{hostname}-{now:%Y-%m-%dT%H:%M:%S}` are passed through for
   * borg to expand, after the same checks borg makes (known key, no `!conversion`, no single brace).
   */
  readonly archive: string;
  readonly paths: readonly string[];
  /** `--compression`, e.g. `lz4`, `zstd,3`, `auto,zstd,10`, `none`. */
  readonly compression?: string;
  /** `--exclude PATTERN` (each). */
  readonly exclude?: readonly string[];
  /** `--pattern PATTERN` (each), e.g. `R /home` or `- home/user/.cache`. */
  readonly patterns?: readonly string[];
  readonly excludeFrom?: string;
  readonly patternsFrom?: string;
  readonly excludeCaches?: boolean;
  readonly oneFileSystem?: boolean;
  readonly comment?: string;
  /** `--timestamp`: 1.x needs UTC (`2026-11-24T02:00:00`); 2.0 accepts an offset. */
  readonly timestamp?: string;
  readonly checkpointInterval?: number;
  readonly json?: boolean;
  readonly stats?: boolean;
  /** `--list` (file status lines); `filter` adds `--filter`, e.g. `AME`. */
  readonly list?: boolean;
  readonly filter?: string;
  readonly dryRun?: boolean;
  readonly numericIds?: boolean;
}

/** `borg create`. */
export function buildCreate(o: CreateOptions): string[] {
  const v = version(o);
  checkArchiveName(o.archive, v);
  checkPatterns(o.patterns);
  if (o.paths.length === 0 && !o.patterns?.some(isRootPattern) && !o.patternsFrom)
    fail('missing-paths', 'Missing paths: `create` needs at least one path or a root pattern (`R /path`)', [
      'paths',
    ]);
  const argv = head(o, v, ['create']);
  if (o.dryRun) argv.push('--dry-run');
  if (o.json) argv.push('--json');
  if (o.stats) argv.push('--stats');
  if (o.list) argv.push('--list');
  if (o.filter) argv.push('--filter', o.filter);
  if (o.compression) argv.push('--compression', o.compression);
  for (const e of o.exclude ?? []) argv.push('--exclude', e);
  for (const p of o.patterns ?? []) pushPattern(argv, p);
  if (o.excludeFrom) argv.push('--exclude-from', o.excludeFrom);
  if (o.patternsFrom) argv.push('--patterns-from', o.patternsFrom);
  if (o.excludeCaches) argv.push('--exclude-caches');
  if (o.oneFileSystem) argv.push('--one-file-system');
  if (o.numericIds) argv.push(v.major === 1 ? '--numeric-owner' : '--numeric-ids');
  if (o.comment !== undefined) argv.push('--comment', o.comment);
  if (o.timestamp !== undefined) argv.push('--timestamp', o.timestamp);
  if (o.checkpointInterval !== undefined) argv.push('--checkpoint-interval', String(o.checkpointInterval));
  const target = v.major === 1 ? [`${o.repo}::${o.archive}`] : [o.archive];
  return tail(argv, o, [...target, ...o.paths]);
}

/** Options for {@link buildCheck}. */
export interface CheckOptions extends BorgCommandBase {
  readonly repositoryOnly?: boolean;
  readonly archivesOnly?: boolean;
  readonly verifyData?: boolean;
  /** `--repair` asks for confirmation: set `BORG_CHECK_I_KNOW_WHAT_I_AM_DOING=YES` to run unattended. */
  readonly repair?: boolean;
  /** 1.x `--last N`. */
  readonly last?: number;
  /** `--max-duration SECONDS` (partial repository checks). */
  readonly maxDuration?: number;
}

/** `borg check`. */
export function buildCheck(o: CheckOptions): string[] {
  const v = version(o);
  const argv = head(o, v, ['check']);
  if (o.repositoryOnly) argv.push('--repository-only');
  if (o.archivesOnly) argv.push('--archives-only');
  if (o.verifyData) argv.push('--verify-data');
  if (o.repair) argv.push('--repair');
  if (o.last !== undefined) argv.push('--last', String(o.last));
  if (o.maxDuration !== undefined) argv.push('--max-duration', String(o.maxDuration));
  return tail(argv, o, v.major === 1 ? [o.repo] : []);
}

/** Options for {@link buildPrune}. */
export interface PruneOptions extends BorgCommandBase {
  readonly policy: PrunePolicy;
  readonly dryRun?: boolean;
  readonly list?: boolean;
  readonly stats?: boolean;
  /** Only archives matching this shell glob (1.x `--glob-archives`, 2.0 `-a sh:…`). */
  readonly glob?: string;
}

const POLICY_FLAGS: [keyof PrunePolicy, string][] = [
  ['keepWithin', '--keep-within'],
  ['keep', '--keep'],
  ['keepLast', '--keep-last'],
  ['keepSecondly', '--keep-secondly'],
  ['keepMinutely', '--keep-minutely'],
  ['keepHourly', '--keep-hourly'],
  ['keepDaily', '--keep-daily'],
  ['keepWeekly', '--keep-weekly'],
  ['keepMonthly', '--keep-monthly'],
  ['keep13weekly', '--keep-13weekly'],
  ['keep3monthly', '--keep-3monthly'],
  ['keepYearly', '--keep-yearly'],
];

/** The `--keep-*` arguments of a policy, in borg's documented order. */
export function policyArgs(policy: PrunePolicy): string[] {
  const out: string[] = [];
  for (const [key, flag] of POLICY_FLAGS) {
    const value = policy[key];
    if (value !== undefined) out.push(flag, value instanceof Date ? value.toISOString() : String(value));
  }
  if (policy.from !== undefined)
    out.push('--from', policy.from instanceof Date ? policy.from.toISOString() : String(policy.from));
  return out;
}

/** `borg prune`. */
export function buildPrune(o: PruneOptions): string[] {
  const v = version(o);
  const keep = policyArgs(o.policy);
  if (keep.length === 0)
    fail('missing-retention', 'Missing retention: give at least one `keep…` value', ['policy']);
  const argv = head(o, v, ['prune']);
  if (o.dryRun) argv.push('--dry-run');
  if (o.list) argv.push('--list');
  if (o.stats) argv.push('--stats');
  if (o.glob !== undefined) {
    if (v.major === 1) argv.push('--glob-archives', o.glob);
    else argv.push('-a', `sh:${o.glob}`);
  }
  argv.push(...keep);
  return tail(argv, o, v.major === 1 ? [o.repo] : []);
}

/** Options for {@link buildCompact}. */
export interface CompactOptions extends BorgCommandBase {
  /** `--threshold PERCENT` (1.2+ / up to b21). */
  readonly threshold?: number;
  /** `--cleanup-commits` (1.2 after upgrading from 1.1). */
  readonly cleanupCommits?: boolean;
}

/** `borg compact`. */
export function buildCompact(o: CompactOptions): string[] {
  const v = version(o);
  const argv = head(o, v, ['compact']);
  if (o.cleanupCommits) argv.push('--cleanup-commits');
  if (o.threshold !== undefined) argv.push('--threshold', String(o.threshold));
  return tail(argv, o, v.major === 1 ? [o.repo] : []);
}

/** Options for {@link buildList}. */
export interface ListOptions extends BorgCommandBase {
  /** List this archive's items; without it, list the archives of the repository. */
  readonly archive?: string;
  /** `--json` for archive lists. */
  readonly json?: boolean;
  /** `--json-lines` for archive contents. */
  readonly jsonLines?: boolean;
  readonly format?: string;
  readonly short?: boolean;
  /** Archive glob for repository listings. */
  readonly glob?: string;
  readonly last?: number;
  /** 1.x and 2.0 up to b9: also show checkpoint archives. */
  readonly considerCheckpoints?: boolean;
  /** Paths inside the archive to list. */
  readonly paths?: readonly string[];
}

/** `borg list` (1.x), `rlist`/`list` (b5..b9), `repo-list`/`list` (b10+). */
export function buildList(o: ListOptions): string[] {
  const v = version(o);
  if (o.archive !== undefined) checkArchiveName(o.archive, v);
  if (o.json && o.archive !== undefined)
    fail('invalid-options', 'Invalid `json` for an archive: use `jsonLines`', ['json']);
  if (o.jsonLines && o.archive === undefined)
    fail('invalid-options', 'Invalid `jsonLines` for a repository: use `json`', ['jsonLines']);
  const words = v.major === 1 || o.archive !== undefined ? ['list'] : [v2cmd(v, 'rlist', 'repo-list')];
  const argv = head(o, v, words);
  if (o.json) argv.push('--json');
  if (o.jsonLines) argv.push('--json-lines');
  if (o.short) argv.push('--short');
  if (o.format !== undefined) argv.push('--format', o.format);
  if (o.considerCheckpoints) argv.push('--consider-checkpoints');
  if (o.glob !== undefined) {
    if (v.major === 1) argv.push('--glob-archives', o.glob);
    else argv.push('-a', `sh:${o.glob}`);
  }
  if (o.last !== undefined) argv.push('--last', String(o.last));
  const pos =
    v.major === 1
      ? [o.archive !== undefined ? `${o.repo}::${o.archive}` : o.repo]
      : o.archive !== undefined
        ? [o.archive]
        : [];
  return tail(argv, o, [...pos, ...(o.paths ?? [])]);
}

/** Options for {@link buildExtract}. */
export interface ExtractOptions extends BorgCommandBase {
  readonly archive: string;
  /** Paths inside the archive (default: everything). */
  readonly paths?: readonly string[];
  readonly dryRun?: boolean;
  readonly list?: boolean;
  readonly stripComponents?: number;
  readonly numericIds?: boolean;
  readonly exclude?: readonly string[];
  readonly patterns?: readonly string[];
  /** `--sparse`. */
  readonly sparse?: boolean;
}

/** `borg extract` (into the current directory of the process). */
export function buildExtract(o: ExtractOptions): string[] {
  const v = version(o);
  checkArchiveName(o.archive, v);
  checkPatterns(o.patterns);
  const argv = head(o, v, ['extract']);
  if (o.dryRun) argv.push('--dry-run');
  if (o.list) argv.push('--list');
  if (o.numericIds) argv.push(v.major === 1 ? '--numeric-owner' : '--numeric-ids');
  if (o.sparse) argv.push('--sparse');
  if (o.stripComponents !== undefined) argv.push('--strip-components', String(o.stripComponents));
  for (const e of o.exclude ?? []) argv.push('--exclude', e);
  for (const p of o.patterns ?? []) pushPattern(argv, p);
  const target = v.major === 1 ? [`${o.repo}::${o.archive}`] : [o.archive];
  return tail(argv, o, [...target, ...(o.paths ?? [])]);
}

/** Options for {@link buildKeyExport}. */
export interface KeyExportOptions extends BorgCommandBase {
  /** File to write; without it the key goes to stdout. */
  readonly path?: string;
  readonly paper?: boolean;
  readonly qrHtml?: boolean;
}

/** `borg key export`: keep the output safe, it is the repository key (encrypted with the passphrase). */
export function buildKeyExport(o: KeyExportOptions): string[] {
  const v = version(o);
  if (o.paper && o.qrHtml)
    fail('invalid-options', 'Invalid options: `paper` and `qrHtml` exclude each other', ['qrHtml']);
  const argv = head(o, v, ['key', 'export']);
  if (o.paper) argv.push('--paper');
  if (o.qrHtml) argv.push('--qr-html');
  const pos = v.major === 1 ? [o.repo] : [];
  if (o.path !== undefined) pos.push(o.path);
  return tail(argv, o, pos);
}
