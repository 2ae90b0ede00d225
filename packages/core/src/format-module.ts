import type { SettingSpecs } from './define-format.js';
import type { Diagnostic } from './diagnostic.js';
import type { CommentSyntax } from './lint/directives.js';
import type { Rule, RuleConfig } from './lint/rule.js';
import type { SourceReader } from './source-reader.js';

/** What every `parse` returns: the lossless CST, the model and every diagnostic. Never throws. */
export interface ParseResult<TCst, TModel> {
  readonly cst: TCst;
  readonly model: TModel;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Options every format's `lint` understands. A format's own `lint` narrows `TRuleId` to its rule
 * ids and `TSettings` to its settings, so a misspelled rule id or setting is a type error.
 */
export interface LintOptions<TRuleId extends string = string, TSettings = Readonly<Record<string, unknown>>> {
  /** The file name used in diagnostics (and for multi-file formats, to resolve includes). */
  readonly fileName?: string;
  /** Per-rule configuration; rules not named run at their default severity. */
  readonly rules?: RuleConfig<TRuleId>;
  /** Facts from outside the file: `hostname`, a format version, related files' models … */
  readonly settings?: TSettings;
  /** Reader for included files (multi-file formats); parsers never touch the file system. */
  readonly reader?: SourceReader;
  /** Included files must stay below this directory (multi-file formats). */
  readonly root?: string;
  /** Return the text with safe fixes applied as `output`. */
  readonly fix?: boolean;
  /** Ignore inline `ftkit-disable…` directives (ESLint's `--no-inline-config`). */
  readonly noInlineConfig?: boolean;
}

/** What every format's `lint` returns. */
export interface LintResult {
  /** Parse, schema and rule diagnostics together, sorted, for this file and any it included. */
  readonly diagnostics: readonly Diagnostic[];
  /** The fixed text (only with `fix: true`). */
  readonly output?: string;
  /** Texts of other files the diagnostics refer to (includes), by file name, for code frames. */
  readonly texts?: Readonly<Record<string, string>>;
  /** Secret values found in the files; reporters must redact them (see `redactDiagnostics`). */
  readonly secrets?: readonly string[];
}

/** What `ftkit fmt` needs from a format. */
export interface FormatResult {
  /** The re-formatted text (equal to the input when already formatted). */
  readonly text: string;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The descriptor each format package exports; the CLI iterates over these and knows nothing
 * else about formats. Made with `defineFormat`, which fills `codePrefix`, `ruleIds`, `settings`
 * and writes `lint`.
 */
export interface FormatModule<TCst = unknown, TModel = unknown, TDoc = unknown> {
  /** Short name, also the package's last segment, e.g. `drbd-conf`. */
  readonly name: string;
  /** Prefix of the format's diagnostic codes (`drbd` for `drbd/include-depth`). */
  readonly codePrefix: string;
  /** Rule ids, in the order rules run. */
  readonly ruleIds: readonly string[];
  /** The settings `lint` and `format` understand (see `defineFormat`). */
  readonly settings: SettingSpecs;
  /** Comment syntax, for inline `ftkit-disable` directives; absent for formats without comments. */
  readonly comments?: CommentSyntax;
  /** One line for `--help` and reports. */
  readonly description: string;
  /** Glob patterns matched against a path (POSIX separators), e.g. `**\/drbd.d/*.res`. */
  readonly filePatterns: readonly string[];
  /**
   * How sure this format is that `path`/`text` is one of its files: 0 (no) to 1 (certain).
   * Used when the name alone does not decide; must be cheap and never throw.
   */
  detect(path: string, text: string): number;
  parse(text: string, options?: { fileName?: string }): ParseResult<TCst, TModel>;
  parseCst(text: string): TCst;
  /** Lossless: `print(parseCst(text)) === text`. */
  print(cst: TCst): string;
  /** Canonical text for a model. */
  emit(model: TModel): string;
  lint(text: string, options?: LintOptions): LintResult;
  /** Rule registry, id to rule. */
  // biome-ignore lint/suspicious/noExplicitAny: rule options differ per rule
  readonly rules: Readonly<Record<string, Rule<TDoc, any>>>;
  /**
   * Canonical re-formatting for `ftkit fmt`, when the format supports it. `settings` are the
   * same facts `lint` takes (e.g. `drbdVersion`); formats ignore keys they do not know.
   */
  format?(
    text: string,
    options?: { fileName?: string; settings?: Readonly<Record<string, unknown>> },
  ): FormatResult;
  /**
   * Secret values written in `text` (passwords, keys), found lexically so that malformed ones
   * count too; callers pass them to reporters as `secrets`. Must be cheap and never throw.
   */
  findSecrets?(text: string): string[];
}

/**
 * A descriptor of any format, for code that handles formats generically (the CLI). The type
 * parameters are unknowable there, so they are `any` on purpose.
 */
// biome-ignore lint/suspicious/noExplicitAny: generic container of heterogeneous descriptors
export type AnyFormatModule = FormatModule<any, any, any>;
