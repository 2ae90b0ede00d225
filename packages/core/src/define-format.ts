import { capDiagnostics, type Diagnostic, sortDiagnostics } from './diagnostic.js';
import { FtkitError, type FtkitIssue } from './error.js';
import type {
  AnyFormatModule,
  FormatModule,
  FormatResult,
  LintOptions,
  LintResult,
  ParseResult,
} from './format-module.js';
import type { LineIndex } from './line-index.js';
import { applyDirectives, type CommentSyntax } from './lint/directives.js';
import type { AnyRule, RuleIdOf, RuleRegistry } from './lint/rule.js';
import { defineRules } from './lint/rule.js';
import { fixUntilStable, runRules } from './lint/runner.js';
import { didYouMean } from './safe.js';

/**
 * One setting a format's `lint` (and `format`) understands: a fact from outside the file, such
 * as the DRBD version or this host's name. Declared without zod so that descriptors stay light;
 * the CLI's config file, `--set` and the language server validate against these.
 */
export type SettingSpec =
  | { readonly type: 'string'; readonly description: string; readonly values?: readonly string[] }
  | { readonly type: 'boolean'; readonly description: string }
  | { readonly type: 'number'; readonly description: string }
  | { readonly type: 'string[]'; readonly description: string }
  /** `true` for all, `false` for none, or a list of names (e.g. resources a rule lets through). */
  | { readonly type: 'boolean | string[]'; readonly description: string }
  /** A value only code passes (a parsed model of a related file, …); never from a config file. */
  | { readonly type: 'object'; readonly description: string };

/** Setting name → spec. */
export type SettingSpecs = Readonly<Record<string, SettingSpec>>;

type SettingValue<S extends SettingSpec> = S extends { type: 'string'; values: readonly (infer V)[] }
  ? V
  : S extends { type: 'string' }
    ? string
    : S extends { type: 'boolean' }
      ? boolean
      : S extends { type: 'number' }
        ? number
        : S extends { type: 'string[]' }
          ? readonly string[]
          : S extends { type: 'boolean | string[]' }
            ? boolean | readonly string[]
            : unknown;

/** The settings object a format's specs describe; every key optional. */
export type SettingsOf<TSpecs extends SettingSpecs> = {
  readonly [K in keyof TSpecs]?: SettingValue<TSpecs[K]>;
};

/**
 * Checks settings against their specs: unknown names (with a did-you-mean) and values of the
 * wrong type or outside `values`. Returns the problems; an empty list means valid.
 */
export function checkSettings(
  format: string,
  specs: SettingSpecs,
  settings: Readonly<Record<string, unknown>>,
  path: readonly (string | number)[] = ['settings'],
): FtkitIssue[] {
  const out: FtkitIssue[] = [];
  for (const [name, value] of Object.entries(settings)) {
    const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
    if (!spec) {
      const near = didYouMean(name, Object.keys(specs));
      out.push({
        code: 'core/unknown-setting',
        path: [...path, name],
        message: `${format} has no setting \`${name}\`${near ? `; did you mean \`${near}\`?` : ''} (known: ${Object.keys(specs).join(', ') || 'none'})`,
      });
      continue;
    }
    if (value === undefined) continue;
    const bad = (want: string) =>
      out.push({
        code: 'core/invalid-setting',
        path: [...path, name],
        message: `\`${name}\` must be ${want}, not ${JSON.stringify(value) ?? String(value)}`,
      });
    switch (spec.type) {
      case 'string':
        if (typeof value !== 'string') bad('a string');
        else if (spec.values && !spec.values.includes(value))
          bad(`one of ${spec.values.map((v) => `\`${v}\``).join(', ')}`);
        break;
      case 'boolean':
        if (typeof value !== 'boolean') bad('true or false');
        break;
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) bad('a number');
        break;
      case 'string[]':
        if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) bad('a list of strings');
        break;
      case 'boolean | string[]':
        if (typeof value !== 'boolean' && (!Array.isArray(value) || value.some((v) => typeof v !== 'string')))
          bad('true, false or a list of strings');
        break;
      case 'object':
        break;
    }
  }
  return out;
}

/** Checks rule ids of a rule configuration; unknown ids come back with a did-you-mean. */
export function checkRuleIds(
  format: string,
  known: readonly string[],
  config: Readonly<Record<string, unknown>>,
  path: readonly (string | number)[] = ['rules'],
): FtkitIssue[] {
  const out: FtkitIssue[] = [];
  for (const id of Object.keys(config)) {
    if (known.includes(id)) continue;
    const near = didYouMean(id, known);
    out.push({
      code: 'core/unknown-rule',
      path: [...path, id],
      message: `${format} has no rule \`${id}\`${near ? `; did you mean \`${near}\`?` : ''}`,
    });
  }
  return out;
}

/** What a format's `prepareLint` hands to the shared lint pipeline. */
export interface LintInput<TDoc> {
  /** What rules read; `undefined` when rules must not run (e.g. the text is not this format). */
  readonly doc: TDoc | undefined;
  /** Parse and schema diagnostics of the text (and of included files). */
  readonly diagnostics: readonly Diagnostic[];
  /** Line index of the linted text, when the parse already built one. */
  readonly lineIndex?: LineIndex;
  /** Line indexes of other files rules may report into (multi-file formats). */
  readonly lineIndexFor?: (file: string) => LineIndex | undefined;
  /** Texts of included files by name, for code frames. */
  readonly texts?: Readonly<Record<string, string>>;
  /** Secret values found in the files, for reporters to redact. */
  readonly secrets?: readonly string[];
}

/** The options of a format's `lint`: typed rule ids and settings. */
export type FormatLintOptions<TRuleId extends string, TSettings> = LintOptions<TRuleId, TSettings>;

/** What {@link defineFormat} takes. Every function must never throw on user input. */
export interface FormatSpec<
  TCst,
  TModel,
  TDoc,
  TRules extends readonly AnyRule<TDoc>[],
  TSpecs extends SettingSpecs,
> {
  /** Short name, also the package's last segment, e.g. `drbd-conf`. */
  readonly name: string;
  /** The prefix of this format's diagnostic codes: `drbd` for `drbd/include-depth`. */
  readonly codePrefix: string;
  /** The package name recorded as `source` on diagnostics, e.g. `@ftkit/drbd-conf`. */
  readonly source: string;
  readonly description: string;
  readonly filePatterns: readonly string[];
  detect(path: string, text: string): number;
  parse(text: string, options?: { fileName?: string }): ParseResult<TCst, TModel>;
  parseCst(text: string): TCst;
  print(cst: TCst): string;
  emit(model: TModel): string;
  format?(text: string, options?: { fileName?: string; settings?: SettingsOf<TSpecs> }): FormatResult;
  findSecrets?(text: string): string[];
  readonly rules: TRules;
  readonly settings: TSpecs;
  /**
   * The format's comment syntax. With it, the shared `lint` honours inline directives
   * (`# ftkit-disable-next-line rule-id`) and reports `<prefix>/unused-directive` for one that
   * silences nothing. Omit it for formats without comments (tool output).
   */
  readonly comments?: CommentSyntax;
  /** Whether `lint({ fix: true })` can apply fixes (default true). */
  readonly fixable?: boolean;
  /** Parses `text` for lint: the document rules read and the parse diagnostics. */
  prepareLint(
    text: string,
    options: FormatLintOptions<RuleIdOf<TRules>, SettingsOf<TSpecs>>,
  ): LintInput<TDoc>;
}

/** A format descriptor made by {@link defineFormat}: typed rules, settings and lint. */
export interface Format<
  TCst,
  TModel,
  TDoc,
  TRules extends readonly AnyRule<TDoc>[],
  TSpecs extends SettingSpecs,
> extends FormatModule<TCst, TModel, TDoc> {
  readonly codePrefix: string;
  readonly source: string;
  readonly rules: RuleRegistry<TRules>;
  readonly ruleIds: readonly RuleIdOf<TRules>[];
  readonly settings: TSpecs;
  readonly comments?: CommentSyntax;
  format?(text: string, options?: { fileName?: string; settings?: SettingsOf<TSpecs> }): FormatResult;
  lint(text: string, options?: FormatLintOptions<RuleIdOf<TRules>, SettingsOf<TSpecs>>): LintResult;
}

/**
 * Builds a format's descriptor: the one object the CLI, the lab and the language server iterate
 * over. `lint` is written here once for every format: parse (through `prepareLint`), run the
 * enabled rules, sort, cap at `MAX_DIAGNOSTICS` per file (`<prefix>/too-many-problems`), and with
 * `fix: true` apply safe fixes until stable. Unknown rule ids or settings passed to `lint` throw
 * an {@link FtkitError} (a programming error; the CLI checks its config before calling).
 */
export function defineFormat<
  TCst,
  TModel,
  TDoc,
  const TRules extends readonly AnyRule<TDoc>[],
  const TSpecs extends SettingSpecs,
>(spec: FormatSpec<TCst, TModel, TDoc, TRules, TSpecs>): Format<TCst, TModel, TDoc, TRules, TSpecs> {
  const registry = defineRules(spec.rules);
  const ruleIds = spec.rules.map((r) => r.meta.id) as RuleIdOf<TRules>[];
  const overflowCode = `${spec.codePrefix}/too-many-problems`;
  const crashCode = `${spec.codePrefix}/rule-crashed`;
  const unusedCode = `${spec.codePrefix}/unused-directive`;
  type Options = FormatLintOptions<RuleIdOf<TRules>, SettingsOf<TSpecs>>;

  function lintOnce(text: string, options: Options): LintResult {
    const input = spec.prepareLint(text, options);
    const found =
      input.doc === undefined
        ? []
        : runRules({
            rules: spec.rules,
            doc: input.doc,
            text,
            source: spec.source,
            crashCode,
            ...(options.fileName !== undefined ? { file: options.fileName } : {}),
            ...(options.rules ? { config: options.rules } : {}),
            ...(options.settings ? { settings: options.settings as Readonly<Record<string, unknown>> } : {}),
            ...(input.lineIndex ? { lineIndex: input.lineIndex } : {}),
            ...(input.lineIndexFor ? { lineIndexFor: input.lineIndexFor } : {}),
          });
    const all = [...input.diagnostics, ...found];
    // Directives apply before the cap (silenced findings must not use up the 1000 kept) and
    // inside the fix loop (a silenced finding's fix is not applied).
    const directed =
      spec.comments && !options.noInlineConfig
        ? applyDirectives(all, text, {
            comments: spec.comments,
            unusedCode,
            source: spec.source,
            ruleIds,
            ...(options.fileName !== undefined ? { file: options.fileName } : {}),
            ...(input.texts ? { texts: input.texts } : {}),
          })
        : all;
    const diagnostics = capDiagnostics(sortDiagnostics(directed), { overflowCode });
    return {
      diagnostics,
      ...(input.secrets ? { secrets: input.secrets } : {}),
      ...(input.texts ? { texts: input.texts } : {}),
    };
  }

  function lint(text: string, options: Options = {}): LintResult {
    const issues = [
      ...(options.rules ? checkRuleIds(spec.name, ruleIds, options.rules) : []),
      ...(options.settings
        ? checkSettings(spec.name, spec.settings, options.settings as Readonly<Record<string, unknown>>)
        : []),
    ];
    if (issues.length > 0) throw FtkitError.fromIssues(issues, `Invalid ${spec.name} lint options`);
    if (!options.fix || spec.fixable === false) return lintOnce(text, options);
    const fixed = fixUntilStable(text, (t) => lintOnce(t, options).diagnostics, 10, options.fileName);
    return { ...lintOnce(fixed.text, options), output: fixed.text };
  }

  const format: Format<TCst, TModel, TDoc, TRules, TSpecs> = {
    name: spec.name,
    codePrefix: spec.codePrefix,
    source: spec.source,
    description: spec.description,
    filePatterns: spec.filePatterns,
    detect: spec.detect,
    parse: spec.parse,
    parseCst: spec.parseCst,
    print: spec.print,
    emit: spec.emit,
    rules: registry,
    ruleIds,
    settings: spec.settings,
    lint,
    ...(spec.format ? { format: spec.format } : {}),
    ...(spec.findSecrets ? { findSecrets: spec.findSecrets } : {}),
    ...(spec.comments ? { comments: spec.comments } : {}),
  };
  return Object.freeze(format);
}

/** Every format in `formats` whose name is `name`, or a did-you-mean error. */
export function formatNamed(formats: readonly AnyFormatModule[], name: string): AnyFormatModule {
  const f = formats.find((x) => x.name === name);
  if (f) return f;
  const near = didYouMean(
    name,
    formats.map((x) => x.name),
  );
  throw new FtkitError(
    'core/unknown-format',
    `No format \`${name}\`${near ? `; did you mean \`${near}\`?` : ''}`,
    {
      path: [name],
    },
  );
}
