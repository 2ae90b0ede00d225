import { defineFormat } from '@ftkit/core';
import { parseCst, print } from './cst/parse-cst.js';
import { emit } from './emit.js';
import { format } from './format.js';
import { drbdRules, drbdSettings, prepareLint } from './lint/index.js';
import { parse, SOURCE } from './parse.js';
import type { DrbdConfig } from './schema.js';
import { secretsInText } from './secrets.js';

const CONTENT = /^\s*(resource\s+\S+\s*\{|global\s*\{|common\s*\{|include\s+\S)/m;

/**
 * The descriptor of drbd.conf files (`drbd.conf`, `*.res`, `drbd.d/*.conf`): what the `ftkit`
 * CLI, the lab and editors iterate over. Its `rules`, `ruleIds`, `settings` and `lint` are the
 * package's; diagnostic codes start with `drbd/`.
 */
export const drbdConfFormat = defineFormat({
  name: 'drbd-conf',
  codePrefix: 'drbd',
  source: SOURCE,
  // inline `# ftkit-disable…` directives, applied by defineFormat's shared lint
  comments: { line: '#' },
  description: 'DRBD 8.4 and 9 configuration (drbd.conf, /etc/drbd.d/*.res)',
  // `drbd.conf` in a `conf.d` directory is another program's drop-in for DRBD devices, not a DRBD
  // configuration: drbd-utils itself installs /etc/multipath/conf.d/drbd.conf (a multipath
  // blacklist). Such a file is DRBD only when its content says so.
  filePatterns: ['**/!(conf.d)/drbd.conf', '/drbd.conf', '**/drbd-*.conf', '**/*.res', '**/drbd.d/*.conf'],
  detect(path: string, text: string): number {
    const parts = path.split('/');
    const base = parts.at(-1) ?? '';
    if (base === 'drbd.conf' && parts.at(-2) === 'conf.d') return CONTENT.test(text.slice(0, 4096)) ? 0.6 : 0;
    if (base === 'drbd.conf' || /^drbd-\d+\.conf$/.test(base) || base.endsWith('.res')) return 1;
    if (/(^|\/)drbd\.d\/[^/]+\.conf$/.test(path)) return 0.9;
    return CONTENT.test(text.slice(0, 4096)) ? 0.6 : 0;
  },
  parse: (text: string, options?: { fileName?: string }) => parse(text, options ?? {}),
  parseCst,
  print,
  emit: (model: DrbdConfig) => emit(model),
  format: (text, options) => {
    const v = options?.settings?.drbdVersion;
    return format(text, {
      ...(options?.fileName !== undefined ? { fileName: options.fileName } : {}),
      ...(v !== undefined ? { drbdVersion: v } : {}),
    });
  },
  findSecrets: secretsInText,
  rules: drbdRules,
  settings: drbdSettings,
  prepareLint,
});

/**
 * Parses (following includes through `reader`, below `root`), validates and lints a drbd.conf
 * text. Returns parse and rule diagnostics together, sorted and capped at 1,000 per file
 * (`drbd/too-many-problems`), and every `shared-secret` value in `secrets` so reporters can
 * redact them; no message contains a secret. The DRBD version is the `drbdVersion` setting;
 * without it the content decides (`drbd/version-assumed` says when 8.4 was chosen and why). With
 * `fix: true`, `output` is the text with every safe fix applied (repeatedly, until stable) and the
 * rest describes that text. Unknown rule ids or settings throw an `FtkitError`.
 */
export const lint = drbdConfFormat.lint;

/** Every drbd-conf lint rule, by id (a frozen registry with literal ids as keys). */
export const rules = drbdConfFormat.rules;
