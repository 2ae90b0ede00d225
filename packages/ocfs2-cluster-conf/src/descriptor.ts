import { defineFormat } from '@ftkit/core';
import { parseCst } from './cst/parse-cst.js';
import { print } from './cst/print.js';
import { SOURCE } from './diagnostics.js';
import { emit } from './emit.js';
import { format } from './format.js';
import { ruleList, settings } from './lint/index.js';
import { parse } from './parse.js';

/**
 * How sure we are that a text is a cluster.conf: a `cluster:` header plus a `node_count` key is
 * decisive; other stanza headers with indented keys are likely.
 */
function detect(path: string, text: string): number {
  if (/(^|\/)cluster\.conf$/.test(path) && /(^|\n)(cluster|node|heartbeat):[ \t]*\r?\n/.test(text)) return 1;
  // Indentation is optional here: a file whose attribute lines lost it is still a cluster.conf
  // (a broken one, which lint then explains).
  if (/(^|\n)cluster:[ \t]*\r?\n/.test(text) && /\n[ \t]*node_count[ \t]*=/.test(text)) return 0.9;
  if (/(^|\n)node:[ \t]*\r?\n[ \t]*(ip_port|ip_address|number|name|cluster)[ \t]*=/.test(text)) return 0.6;
  return 0;
}

/**
 * The descriptor of /etc/ocfs2/cluster.conf, built with core's `defineFormat`: what `ftkit lint`
 * and `ftkit fmt` iterate over. Its `lint` reports every parse error (what makes o2cb refuse the
 * file) plus the findings of the enabled rules (typed ids, see `ocfs2ClusterConfFormat.ruleIds`)
 * with the `settings` declared here, sorted and capped at 1000 (`ocfs2/too-many-problems`); with
 * `fix: true` it applies safe fixes until stable. Rules do not run on a file with more than 1000
 * syntax errors: it is not a cluster.conf.
 */
export const ocfs2ClusterConfFormat = defineFormat({
  name: 'ocfs2-cluster-conf',
  codePrefix: 'ocfs2',
  source: SOURCE,
  // inline `# ftkit-disable…` directives, applied by defineFormat's shared lint
  comments: { line: '#' },
  description: 'OCFS2 O2CB cluster layout (/etc/ocfs2/cluster.conf)',
  filePatterns: ['**/ocfs2/cluster.conf', '**/ocfs2/*.cluster.conf', '**/*.ocfs2.conf'],
  detect,
  parse: (text: string, options?: { fileName?: string }) => parse(text, options),
  parseCst,
  print,
  emit,
  format,
  rules: ruleList,
  settings,
  prepareLint(text, options) {
    const parsed = parse(text, options.fileName !== undefined ? { fileName: options.fileName } : {});
    // A file with more syntax errors than are listed is not a cluster.conf worth linting further
    // (and rules over tens of thousands of garbage "stanzas" would only bury the parse errors).
    const garbage = parsed.diagnostics.some((d) => d.code === 'ocfs2/too-many-problems');
    return {
      doc: garbage ? undefined : { cst: parsed.cst, model: parsed.model, links: parsed.links },
      diagnostics: parsed.diagnostics,
      lineIndex: parsed.lineIndex,
    };
  },
});

/** The rule ids of cluster.conf's lint rules (a literal union: a misspelled id is a type error). */
export type Ocfs2RuleId = (typeof ocfs2ClusterConfFormat.ruleIds)[number];

/** Every cluster.conf rule by id (a prototype-free record). */
export const rules = ocfs2ClusterConfFormat.rules;

/**
 * Lints a cluster.conf: every parse error (what makes o2cb refuse the file) plus the findings of
 * the rules. Settings: `hostname` (node-local-missing), `cluster` (limit that check to one cluster),
 * `regionDevices` (heartbeat-device-path), `peerFiles` (cluster-drift). With `fix: true`, `output`
 * is the text with every safe fix applied (repeatedly, until stable) and `diagnostics` are those
 * of the fixed text. Rules do not run on a file with more than 1000 syntax errors
 * (`ocfs2/too-many-problems`): it is not a cluster.conf. Never throws on input; throws an
 * `FtkitError` for an unknown rule id or setting.
 */
export const lint = ocfs2ClusterConfFormat.lint;
