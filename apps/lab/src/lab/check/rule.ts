import { defineRule, type Rule, type RuleMeta } from '@ftkit/core';
import type { LabFacts, Loc } from './facts.js';

/** Where the cross-file rules' docs live. */
export const LAB_RULE_URL = 'https://github.com/ftkit/ftkit/blob/main/docs/rules/lab/';

/** A finding of a cross-file rule: the main place plus every other place involved. */
export interface LabReport {
  readonly messageId: string;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly at: Loc;
  /** The other files (and places) that take part. */
  readonly related?: readonly (Loc & { readonly message: string })[];
  readonly note?: string;
}

/** What a cross-file rule's check receives. */
export interface LabRuleContext {
  readonly facts: LabFacts;
  report(r: LabReport): void;
}

/** A cross-file rule: metadata plus a check over the facts of every node. */
export interface LabRule {
  readonly meta: RuleMeta;
  check(context: LabRuleContext): void;
}

/** Defines a cross-file rule; the result is a core `Rule` over {@link LabFacts}. */
export function defineLabRule(rule: {
  meta: Omit<RuleMeta, 'url'>;
  check(context: LabRuleContext): void;
}): Rule<LabFacts> {
  const meta: RuleMeta = { ...rule.meta, url: `${LAB_RULE_URL}${rule.meta.id}.md` };
  return defineRule<LabFacts>()({
    meta,
    check(ctx) {
      rule.check({
        facts: ctx.doc,
        report(r) {
          ctx.report({
            messageId: r.messageId,
            ...(r.data ? { data: r.data } : {}),
            span: r.at.span,
            file: r.at.file,
            ...(r.note !== undefined ? { note: r.note } : {}),
            ...(r.related?.length
              ? { related: r.related.map((x) => ({ message: x.message, span: x.span, file: x.file })) }
              : {}),
          });
        },
      });
    },
  });
}

/** Groups items by a key, keeping first-seen order (Node 20 has no `Map.groupBy`). */
export function groupBy<T, K>(items: Iterable<T>, key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = out.get(k);
    if (list) list.push(it);
    else out.set(k, [it]);
  }
  return out;
}
