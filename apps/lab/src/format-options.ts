import type { AnyFormatModule, RuleConfig } from '@ftkit/core';

/**
 * The part of one rule configuration and one settings object that `format` declares. The CLI
 * passes the same `--rule` and `--set` values to every format, while a format built with
 * `defineFormat` throws on rule ids and settings it does not know: each format gets its own.
 * Command-line text is
 * converted to the declared type where that is unambiguous: a comma-separated list for a
 * `string[]` setting (`--set clusterNames=web,db`), a number or boolean back to text for a
 * `string` setting (`--set drbdVersion=9`).
 */
export function optionsForFormat(
  format: AnyFormatModule,
  rules: RuleConfig = {},
  settings: Readonly<Record<string, unknown>> = {},
): { rules: RuleConfig; settings: Record<string, unknown> } {
  const ids = format.ruleIds;
  const specs = format.settings;
  const mine: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(settings)) {
    const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
    if (!spec) continue;
    if (spec.type === 'string[]' && typeof value === 'string')
      mine[name] = value.split(',').filter((v) => v !== '');
    else if (spec.type === 'string' && (typeof value === 'number' || typeof value === 'boolean'))
      mine[name] = String(value);
    else mine[name] = value;
  }
  return {
    rules: Object.fromEntries(Object.entries(rules).filter(([id]) => ids.includes(id))),
    settings: mine,
  };
}
