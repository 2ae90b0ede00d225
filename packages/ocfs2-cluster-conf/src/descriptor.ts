import type { FormatModule } from '@ftkit/core';
import { parseCst } from './cst/parse-cst.js';
import { print } from './cst/print.js';
import type { Document } from './cst/types.js';
import { emit } from './emit.js';
import { format } from './format.js';
import { lint, rules } from './lint/index.js';
import type { ClusterConfDoc } from './lint/types.js';
import { parse } from './parse.js';
import type { ClusterConf } from './schema.js';

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

/** The descriptor `ftkit lint` and `ftkit fmt` use for /etc/ocfs2/cluster.conf. */
export const ocfs2ClusterConfFormat = {
  name: 'ocfs2-cluster-conf',
  // inline `# ftkit-disable…` directives (applied by the caller until lint comes from defineFormat)
  comments: { line: '#' },
  description: 'OCFS2 O2CB cluster layout (/etc/ocfs2/cluster.conf)',
  filePatterns: ['**/ocfs2/cluster.conf', '**/ocfs2/*.cluster.conf', '**/*.ocfs2.conf'],
  detect,
  parse: (text: string, options?: { fileName?: string }) => parse(text, options),
  parseCst,
  print,
  emit,
  lint,
  rules,
  format,
} satisfies FormatModule<Document, ClusterConf, ClusterConfDoc>;
