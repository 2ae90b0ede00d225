import { defineRule } from '@ftkit/core';
import { parseCst } from '../../cst/parse-cst.js';
import { emit } from '../../emit.js';
import { compose } from '../../model/compose.js';
import { type ClusterConfDoc, clusterView, headerSpan, ruleUrl } from '../types.js';

/** A peer's copy of the file, for {@link clusterDrift}. */
export interface PeerFile {
  /** How to name the peer in messages (host or path). */
  readonly name: string;
  readonly text: string;
}

/** CC-DRIFT (multi-file): cluster.conf must be the same on every node. */
export const clusterDrift = defineRule<ClusterConfDoc>()({
  meta: {
    id: 'cluster-drift',
    description:
      "With the `peerFiles` setting (other nodes' cluster.conf), requires every copy to describe the same clusters",
    defaultSeverity: 'error',
    fixable: false,
    url: ruleUrl('cluster-drift'),
    messages: {
      differs:
        'Cluster `{{cluster}}` differs from the copy on `{{peer}}`: every node needs the same cluster.conf',
      missing: 'Cluster `{{cluster}}` is missing from the copy on `{{peer}}`',
    },
  },
  check(ctx) {
    const peers = ctx.settings.peerFiles;
    if (!Array.isArray(peers)) return;
    for (const p of peers as PeerFile[]) {
      if (typeof p?.text !== 'string') continue;
      const theirs = compose(parseCst(p.text)).model;
      for (const c of ctx.doc.model.clusters) {
        const other = theirs.clusters.find((x) => x.name === c.name);
        // Compare what o2cb would write: order of stanzas and attributes, comments do not matter.
        const same = other && emit({ clusters: [other] }) === emit({ clusters: [c] });
        if (same) continue;
        ctx.report({
          messageId: other ? 'differs' : 'missing',
          data: { cluster: c.name, peer: String(p.name) },
          span: headerSpan(clusterView(ctx.doc, c)),
        });
      }
    }
  },
});
