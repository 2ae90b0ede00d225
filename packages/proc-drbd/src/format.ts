import { defineFormat, type LintOptions, type SettingsOf } from '@ftkit/core';
import { detectStatusSource } from './detect.js';
import { CODE_PREFIX, SOURCE } from './diagnostics.js';
import { prepareStatusLint, statusRules, statusSettings } from './lint/index.js';
import { parseProcDrbdCst, printProcDrbd } from './sources/proc/cst.js';
import { emitProcDrbd } from './sources/proc/emit.js';
import { parseProcDrbd } from './sources/proc/parse.js';

/**
 * The descriptor the `ftkit` CLI, the lab and the language server iterate over. These files are
 * outputs, so `lint` runs the health checks over any of the four sources (detected from the
 * text); `parse`, `parseCst`, `print` and `emit` work on /proc/drbd text, the one source with a
 * lossless CST and an emitter that round-trips (the package's own `parse` reads all four).
 */
export const procDrbdFormat = defineFormat({
  name: 'proc-drbd',
  codePrefix: CODE_PREFIX,
  source: SOURCE,
  description: 'DRBD runtime status: /proc/drbd, drbdsetup status --json, drbdadm status, events2',
  filePatterns: ['**/proc/drbd', '**/*.drbd-status', '**/*.events2'],
  detect(path: string, text: string): number {
    if (/(^|\/)proc\/drbd$/.test(path)) return 1;
    const s = detectStatusSource(text);
    if (s === 'proc-drbd') return 0.9;
    if (s === 'events2') return 0.8;
    if (s === 'status-text') return /\brole:(Primary|Secondary|Unknown)\b/.test(text) ? 0.5 : 0;
    if (s === 'status-json') return /"(peer_devices|connection-state|disk-state)"/.test(text) ? 0.7 : 0;
    return 0;
  },
  parse: (text: string, options?: { fileName?: string }) => parseProcDrbd(text, options),
  parseCst: parseProcDrbdCst,
  print: printProcDrbd,
  emit: emitProcDrbd,
  rules: statusRules,
  settings: statusSettings,
  fixable: false,
  prepareLint: prepareStatusLint,
});

/** The id of a health-check rule: a misspelled id in a rule configuration is a type error. */
export type StatusRuleId = (typeof procDrbdFormat.ruleIds)[number];

/** The settings {@link lint} understands (`source`, `allowTwoPrimaries`); an unknown one is a type error. */
export type StatusSettings = SettingsOf<typeof statusSettings>;

/** Options of {@link lint}: the core `LintOptions` with this package's rule ids and settings. */
export type StatusLintOptions = LintOptions<StatusRuleId, StatusSettings>;

/**
 * Reads any DRBD status output (detected from the text unless the setting `source` names it) and
 * runs the health checks over it.
 * Returns parse diagnostics and findings together, sorted and capped at `MAX_DIAGNOSTICS` (the
 * rest counted in one `drbd-status/too-many-problems`); `error` findings (split brain, suspended
 * I/O, lost quorum, unexpected dual primary) are what `ftkit status` exits 1 on. Never throws on
 * the text; an unknown rule id or setting is a programmer error and throws an `FtkitError`.
 */
export const lint: typeof procDrbdFormat.lint = procDrbdFormat.lint;

/** Every health check, by id (the descriptor's registry). */
export const rules: typeof procDrbdFormat.rules = procDrbdFormat.rules;
