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

/** Every cluster.conf lint rule, in the order they run; `ocfs2ClusterConfFormat` keys them by id. */
export const ruleList = [
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
] as const;

/** The settings cluster.conf's rules read: facts from outside the file. */
export const settings = {
  hostname: {
    type: 'string',
    description:
      "This host's name (`uname -n`); `node-local-missing` requires exactly one node of each cluster to match it",
  },
  cluster: {
    type: 'string',
    description: 'Limit `node-local-missing` to the cluster of this name (the one `O2CB_BOOTCLUSTER` starts)',
  },
  regionDevices: {
    type: 'object',
    description:
      'Heartbeat region → device path (an object, or `REGION=/dev/x,REGION=/dev/y` text); `heartbeat-device-path` flags devices o2cb never scans',
  },
  peerFiles: {
    type: 'object',
    description:
      "Other nodes' copies of the file, as `{ name, text }[]`; `cluster-drift` requires every copy to describe the same clusters",
  },
} as const;
