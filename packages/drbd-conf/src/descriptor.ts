import type { FormatModule } from '@ftkit/core';
import { parseCst, print } from './cst/parse-cst.js';
import type { DocumentNode } from './cst/types.js';
import { emit } from './emit.js';
import { format } from './format.js';
import type { DrbdLintDoc } from './lint/context.js';
import { lint, rules } from './lint/index.js';
import { parse } from './parse.js';
import type { DrbdConfig } from './schema.js';
import { secretsInText } from './secrets.js';

const CONTENT = /^\s*(resource\s+\S+\s*\{|global\s*\{|common\s*\{|include\s+\S)/m;

/** The `ftkit` descriptor of drbd.conf files (`drbd.conf`, `*.res`, `drbd.d/*.conf`). */
export const drbdConfFormat = {
  name: 'drbd-conf',
  // inline `# ftkit-disable…` directives (applied by the caller until lint comes from defineFormat)
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
  lint,
  rules,
  format: (text: string, options?: { fileName?: string; settings?: Readonly<Record<string, unknown>> }) => {
    const v = options?.settings?.drbdVersion;
    return format(text, {
      ...(options?.fileName !== undefined ? { fileName: options.fileName } : {}),
      ...(v === '9' || v === '8.4' || v === '8.3' ? { drbdVersion: v } : {}),
    });
  },
  findSecrets: secretsInText,
} satisfies FormatModule<DocumentNode, DrbdConfig, DrbdLintDoc>;
