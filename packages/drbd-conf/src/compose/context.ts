import { DiagnosticCollector, type SourceReader } from '@ftkit/core';
import type { DocumentNode } from '../cst/types.js';
import type { DrbdVersion } from '../model/options.js';
import type { DrbdConfig } from '../schema.js';

/** The package name recorded as diagnostic `source`. */
export const SOURCE = '@ftkit/drbd-conf';

/**
 * How many files deep includes may nest. drbdadm keeps each including file open, so with the usual
 * limit of 1,024 open files it fails near 1,000 levels; 512 is far above any real configuration
 * and keeps composition well inside the JavaScript stack.
 */
export const MAX_INCLUDE_DEPTH = 512;

/** Options of composition and `parse`. */
export interface ComposeOptions {
  /**
   * Which drbdadm parser to mirror; default `'9'`. `'8.3'` reads with the 8.4 grammar plus the
   * restrictions of drbdadm-83 (its options per section, valueless flags, `protocol` required at
   * resource level, no `volume` or `options` sections); the model is an 8.4 model.
   */
  readonly drbdVersion?: DrbdVersion | '8.3';
  /** Name used in diagnostics; also the base for relative `include` patterns (absolute path). */
  readonly fileName?: string;
  /** Reader for `include`d files; without one, includes are recorded but not followed. */
  readonly reader?: SourceReader;
  /**
   * Included files must lie inside this directory. Default: the reader's `root` when it has one,
   * else the directory of `fileName` when that is absolute (so `include "/proc/self/environ";` is
   * refused), else `/`.
   */
  readonly root?: string;
}

/** Everything parse produced for one file (the main file or an include). */
export interface ParsedFile {
  readonly fileName: string | undefined;
  readonly text: string;
  readonly cst: DocumentNode;
  readonly diagnostics: DiagnosticCollector;
}

/**
 * What every compose function gets: the version read, the model being built, the files read so
 * far, and the file being composed (its collector, name and text), swapped while an include is
 * composed at its position.
 */
export interface ComposeContext {
  /** The grammar read (`'8.4'` for 8.3 too). */
  readonly v: DrbdVersion;
  /** Whether drbdadm-83's restrictions apply on top of the 8.4 grammar. */
  readonly v83: boolean;
  readonly opts: ComposeOptions;
  readonly model: DrbdConfig;
  readonly files: ParsedFile[];
  /** Canonical paths (symbolic links resolved) of every file read so far. */
  readonly seen: Set<string>;
  /** Matches of each absolute glob pattern, listed once however often it is included. */
  readonly globs: Map<string, string[]>;
  /** Canonical paths already asked of the reader (a repeated glob asks for the same ones). */
  readonly realpaths: Map<string, string>;
  /** How many includes deep the file being composed is (the main file is 0). */
  depth: number;
  /** Whether a `resource` was read (drbdadm warns about a `global` after one). */
  resourceSeen: boolean;
  /** Top-level names claimed so far (resources and the like), with where they were written. */
  readonly topNames: Map<string, { span: { start: number; end: number }; file?: string }>;
  /** Diagnostics of the file being composed. */
  d: DiagnosticCollector;
  /** Name of the file being composed (`undefined` for an unnamed main text). */
  file: string | undefined;
  /** Text of the file being composed. */
  text: string;
}

/** A fresh context for one `parse` (or one template file): empty model, no file yet. */
export function createComposeContext(opts: ComposeOptions): ComposeContext {
  const v = opts.drbdVersion === '8.3' ? '8.4' : (opts.drbdVersion ?? '9');
  return {
    v,
    v83: opts.drbdVersion === '8.3',
    opts,
    model: { drbdVersion: v, resources: [], includes: [], requires: [] },
    files: [],
    seen: new Set(),
    globs: new Map(),
    realpaths: new Map(),
    depth: 0,
    resourceSeen: false,
    topNames: new Map(),
    // replaced by composeFile before anything reports
    d: new DiagnosticCollector('', SOURCE),
    file: undefined,
    text: '',
  };
}

/** Errors reported so far in the current file (to keep follow-on errors out of the report). */
export function errorCount(ctx: ComposeContext): number {
  let n = 0;
  for (const d of ctx.d.items) if (d.severity === 'error') n++;
  return n;
}

/** Reports an error in the file being composed; `span` is 0-based offsets, end exclusive. */
export function err(
  ctx: ComposeContext,
  code: string,
  message: string,
  span: { start: number; end: number },
  note?: string,
): void {
  ctx.d.error(code, message, span, note !== undefined ? { note } : {});
}

/** Reports a warning in the file being composed; `span` is 0-based offsets, end exclusive. */
export function warn(
  ctx: ComposeContext,
  code: string,
  message: string,
  span: { start: number; end: number },
  note?: string,
): void {
  ctx.d.warning(code, message, span, note !== undefined ? { note } : {});
}

/**
 * Sets where a new model node was written: `span`, and `file` when it comes from an include. The
 * keys end up in the same order as a spread at the end of the literal, without the cost of one
 * (object spreads were among the hottest lines of a large file's parse).
 */
export function at<T extends object>(ctx: ComposeContext, node: T, span: { start: number; end: number }): T {
  const n = node as { span?: { start: number; end: number }; file?: string };
  n.span = span;
  if (ctx.file !== undefined) n.file = ctx.file;
  return node;
}
