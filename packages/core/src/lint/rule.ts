import type { Fix, RelatedLocation, Severity } from '../diagnostic.js';
import type { Span } from '../span.js';
import type { TextEdit } from '../text-edit.js';

/** How a rule is configured: off, or on at a severity, optionally with rule options. */
export type RuleLevel = 'off' | Severity | 'warn';
/** A rule's setting in a lint configuration: `'warn'`, `'error'`, `['error', {...options}]`, `'off'`. */
export type RuleSetting = RuleLevel | readonly [RuleLevel, unknown];
/** Rule id → setting. Rules not named run at their default severity. */
export type RuleConfig = Readonly<Record<string, RuleSetting>>;

/** Static facts about a rule; the docs page and the meta-test are checked against these. */
export interface RuleMeta {
  /** Kebab-case, thing + check, e.g. `resource-missing-net-protocol`. Unique within a format. */
  readonly id: string;
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
export interface Rule<TDoc, TOptions = unknown> {
  readonly meta: RuleMeta;
  check(context: RuleContext<TDoc, TOptions>): void;
}

/** Identity helper that gives rule objects their type. */
export function defineRule<TDoc, TOptions = unknown>(rule: Rule<TDoc, TOptions>): Rule<TDoc, TOptions> {
  return rule;
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
