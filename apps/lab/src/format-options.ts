import type { AnyFormatModule, RuleConfig, RuleSetting } from '@ftkit/core';

/**
 * The part of `settings` that `format` declares (`format.settings`), for calling its `lint`:
 * the CLI and the lab hold one set of settings for every format (`--set hostname=…`, the lab's
 * node name), and a format built with `defineFormat` refuses settings it does not know. A format
 * that declares none gets them all.
 */
export function settingsFor(
  format: AnyFormatModule,
  settings: Readonly<Record<string, unknown>>,
): Readonly<Record<string, unknown>> {
  const known = format.settings;
  if (known === undefined) return settings;
  const out: Record<string, unknown> = Object.create(null);
  for (const [k, v] of Object.entries(settings)) if (Object.hasOwn(known, k)) out[k] = v;
  return out;
}

/**
 * The part of a rule configuration that names `format`'s rules: `--rule` options apply to every
 * file linted, and a format built with `defineFormat` refuses rule ids it does not know.
 */
export function rulesFor(format: AnyFormatModule, rules: RuleConfig): RuleConfig {
  const out: Record<string, RuleSetting> = Object.create(null);
  for (const [id, v] of Object.entries(rules))
    if (v !== undefined && Object.hasOwn(format.rules, id)) out[id] = v;
  return out;
}
