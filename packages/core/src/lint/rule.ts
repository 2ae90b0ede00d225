import type { Fix, RelatedLocation, Severity } from '../diagnostic.js';
import type { Span } from '../span.js';
import type { TextEdit } from '../text-edit.js';

/** How a rule is configured: off, or on at a severity, optionally with rule options. */
export type RuleLevel = 'off' | Severity | 'warn';
/** A rule's setting in a lint configuration: `'warn'`, `'error'`, `['error', {...options}]`, `'off'`. */
export type RuleSetting<TOptions = unknown> = RuleLevel | readonly [RuleLevel, TOptions];
/**
 * Rule id → setting. Rules not named run at their default severity. With a format's rule ids
 * (`RuleConfig<DrbdRuleId>`) a misspelled id is a type error.
 */
export type RuleConfig<TId extends string = string> = { readonly [K in TId]?: RuleSetting };

/** Static facts about a rule; the docs page and the meta-test are checked against these. */
export interface RuleMeta<TId extends string = string> {
  /** Kebab-case, thing + check, e.g. `resource-missing-net-protocol`. Unique within a format. */
  readonly id: TId;
  /** One sentence saying what the rule checks. */
  readonly description: string;
  /** Severity when the configuration does not name the rule; `off` for opt-in rules. */
  readonly defaultSeverity: Severity | 'off';
  /** Whether the rule offers safe automatic fixes. */
  readonly fixable: boolean;
  /** The rule's documentation page. */
  readonly url: string;
  /** Message templates by id; `{{name}}` is replaced with `data.name` when reporting. */
  readonly messages: Readonly<Record<string, string>>;
}

/** A finding as a rule reports it: offsets only, never lines it worked out itself. */
export interface RuleReport {
  /** A key of `meta.messages`. */
  readonly messageId: string;
  /** Values for the template's `{{placeholders}}`. */
  readonly data?: Readonly<Record<string, string | number>>;
  readonly span: Span;
  /** A file other than the one being linted (multi-file formats), as named in diagnostics. */
  readonly file?: string;
  /** Overrides the configured severity for this one finding (e.g. a hard error). */
  readonly severity?: Severity;
  readonly note?: string;
  readonly fix?: Fix | readonly TextEdit[];
  readonly related?: readonly Omit<RelatedLocation, 'position'>[];
}

/** What a rule's `check` receives. `TDoc` is what the format parsed (CST, model, …). */
export interface RuleContext<TDoc, TOptions = unknown> {
  readonly doc: TDoc;
  /** The text of the linted file. */
  readonly text: string;
  readonly file?: string;
  /** Options from the configuration (`['warn', options]`), or `undefined`. */
  readonly options: TOptions | undefined;
  /** Facts from outside the file (hostname, DRBD version, a related file's model …). */
  readonly settings: Readonly<Record<string, unknown>>;
  report(report: RuleReport): void;
}

/** A lint rule: metadata plus a check over one parsed document. */
export interface Rule<TDoc, TOptions = unknown, TId extends string = string> {
  readonly meta: RuleMeta<TId>;
  check(context: RuleContext<TDoc, TOptions>): void;
}

/**
 * Gives a rule object its type, keeping its id as a literal type so that a format's rule ids
 * form a union (`defineRule<DrbdLintDoc>()({ meta: { id: 'address-loopback', … }, check })`).
 * Curried because TypeScript cannot infer the id while `TDoc` is given explicitly.
 */
export function defineRule<TDoc, TOptions = unknown>(): <const TId extends string>(
  rule: Rule<TDoc, TOptions, TId>,
) => Rule<TDoc, TOptions, TId> {
  return (rule) => rule;
}

/** Any rule over `TDoc`, whatever its options and id. */
// biome-ignore lint/suspicious/noExplicitAny: rules have different option types
export type AnyRule<TDoc = any> = Rule<TDoc, any, string>;

/** The id union of a list of rules. */
export type RuleIdOf<TRules extends readonly AnyRule[]> = TRules[number]['meta']['id'];

/** A rule registry: id → rule, with literal ids as keys. */
export type RuleRegistry<TRules extends readonly AnyRule[]> = {
  readonly [R in TRules[number] as R['meta']['id']]: R;
};

/**
 * A frozen, prototype-free registry of `rules` keyed by their ids. Throws (at module load, a
 * programming error) when two rules share an id.
 */
export function defineRules<const TRules extends readonly AnyRule[]>(rules: TRules): RuleRegistry<TRules> {
  const out: Record<string, AnyRule> = Object.create(null);
  for (const r of rules) {
    if (Object.hasOwn(out, r.meta.id)) throw new Error(`Duplicate rule id ${r.meta.id}`);
    out[r.meta.id] = r;
  }
  return Object.freeze(out) as RuleRegistry<TRules>;
}

/** Fills `{{name}}` placeholders; unknown names are left as written. */
export function formatMessage(
  template: string,
  data: Readonly<Record<string, string | number>> = {},
): string {
  return template.replace(/\{\{\s*([\w-]+)\s*\}\}/g, (all, name: string) =>
    Object.hasOwn(data, name) ? String(data[name]) : all,
  );
}
