import {
  capDiagnostics,
  type Diagnostic,
  fixUntilStable,
  type LintOptions,
  type LintResult,
  runRules,
} from '@ftkit/core';
import { SOURCE, sortByPosition } from '../diagnostics.js';
import { parse } from '../parse.js';
import { clusterDrift } from './rules/cluster-drift.js';
import { clusterMultiple } from './rules/cluster-multiple.js';
import { clusterNameFormat } from './rules/cluster-name-format.js';
import { clusterNodeLimit } from './rules/cluster-node-limit.js';
import { commentsLost } from './rules/comments-lost.js';
import { heartbeatDevicePath } from './rules/heartbeat-device-path.js';
import { heartbeatGlobalFew } from './rules/heartbeat-global-few.js';
import { heartbeatGlobalNone } from './rules/heartbeat-global-none.js';
import { heartbeatModeCase } from './rules/heartbeat-mode-case.js';
import { heartbeatRegionFormat } from './rules/heartbeat-region-format.js';
import { heartbeatRegionLimit } from './rules/heartbeat-region-limit.js';
import { heartbeatRegionUnused } from './rules/heartbeat-region-unused.js';
import { indentTab } from './rules/indent-tab.js';
import { keyDuplicate } from './rules/key-duplicate.js';
import { keyUnknown } from './rules/key-unknown.js';
import { keywordCase } from './rules/keyword-case.js';
import { lineEndingCrlf } from './rules/line-ending-crlf.js';
import { nodeCountMismatch } from './rules/node-count-mismatch.js';
import { nodeIpDuplicate } from './rules/node-ip-duplicate.js';
import { nodeLocalMissing } from './rules/node-local-missing.js';
import { nodeNameChars } from './rules/node-name-chars.js';
import { nodeNameCollision } from './rules/node-name-collision.js';
import { nodeNameFqdn } from './rules/node-name-fqdn.js';
import { nodeNameLength } from './rules/node-name-length.js';
import { nodeNumberDuplicate } from './rules/node-number-duplicate.js';
import { nodeNumberRange } from './rules/node-number-range.js';
import { nodePortMixed } from './rules/node-port-mixed.js';
import { nodePortRange } from './rules/node-port-range.js';
import { stanzaBlankBetween } from './rules/stanza-blank-between.js';
import { stanzaOrphan } from './rules/stanza-orphan.js';
import { stanzaUnknown } from './rules/stanza-unknown.js';
import { valueContinuation } from './rules/value-continuation.js';
import { valueInlineComment } from './rules/value-inline-comment.js';
import { valueQuoted } from './rules/value-quoted.js';
import type { ClusterConfDoc, ClusterConfRule } from './types.js';

const all: readonly ClusterConfRule[] = [
  lineEndingCrlf,
  valueInlineComment,
  valueQuoted,
  keywordCase,
  stanzaUnknown,
  keyUnknown,
  keyDuplicate,
  valueContinuation,
  indentTab,
  stanzaBlankBetween,
  commentsLost,
  clusterNameFormat,
  nodeCountMismatch,
  heartbeatModeCase,
  clusterMultiple,
  clusterNodeLimit,
  stanzaOrphan,
  nodeNumberRange,
  nodeNumberDuplicate,
  nodeNameCollision,
  nodeIpDuplicate,
  nodePortRange,
  nodePortMixed,
  nodeNameLength,
  nodeNameChars,
  nodeNameFqdn,
  nodeLocalMissing,
  heartbeatRegionFormat,
  heartbeatGlobalNone,
  heartbeatGlobalFew,
  heartbeatRegionLimit,
  heartbeatRegionUnused,
  heartbeatDevicePath,
  clusterDrift,
];

/** Every cluster.conf rule by id (a prototype-free record). */
export const rules: Readonly<Record<string, ClusterConfRule>> = Object.freeze(
  Object.assign(
    Object.create(null) as Record<string, ClusterConfRule>,
    Object.fromEntries(all.map((r) => [r.meta.id, r])),
  ),
);

/**
 * Lints a cluster.conf: every parse error (what makes o2cb refuse the file) plus the findings of
 * the rules. Settings: `hostname` (node-local-missing), `cluster` (limit that check to one cluster),
 * `regionDevices` (heartbeat-device-path), `peerFiles` (cluster-drift). With `fix: true`, `output`
 * is the text with every safe fix applied (repeatedly, until stable) and `diagnostics` are those
 * of the fixed text. Rules do not run on a file with more than 1000 syntax errors
 * (`TOO_MANY_PROBLEMS`): it is not a cluster.conf.
 */
export function lint(text: string, options: LintOptions = {}): LintResult {
  if (!options.fix) return { diagnostics: lintOnce(text, options) };
  const fixed = fixUntilStable(text, (t) => lintOnce(t, options), 10, options.fileName);
  return { diagnostics: fixed.diagnostics, output: fixed.text };
}

function lintOnce(text: string, options: LintOptions): readonly Diagnostic[] {
  const parsed = parse(text, options.fileName !== undefined ? { fileName: options.fileName } : {});
  // A file with more syntax errors than are listed is not a cluster.conf worth linting further
  // (and rules over tens of thousands of garbage "stanzas" would only bury the parse errors).
  if (parsed.diagnostics.some((d) => d.code === 'TOO_MANY_PROBLEMS')) return parsed.diagnostics;
  const doc: ClusterConfDoc = { cst: parsed.cst, model: parsed.model, links: parsed.links };
  const found = runRules({
    rules: all,
    doc,
    text,
    source: SOURCE,
    lineIndex: parsed.lineIndex,
    ...(options.fileName !== undefined ? { file: options.fileName } : {}),
    ...(options.rules ? { config: options.rules } : {}),
    ...(options.settings ? { settings: options.settings } : {}),
  });
  // At most MAX_DIAGNOSTICS per file; the rest are counted in one TOO_MANY_PROBLEMS.
  return found.length === 0
    ? parsed.diagnostics
    : capDiagnostics(sortByPosition([...parsed.diagnostics, ...found]));
}
