import { defineRule } from '@ftkit/core';
import { LIMITS } from '../../limits.js';
import { type ClusterConfDoc, fieldSpan, ruleUrl } from '../types.js';

/** ND-NAME-LENGTH: configfs item names are at most 64 bytes (ENAMETOOLONG). */
export const nodeNameLength = defineRule<ClusterConfDoc>()({
  meta: {
    id: 'node-name-length',
    description: 'Requires node names of at most 64 bytes, the kernel limit',
    defaultSeverity: 'error',
    fixable: false,
    url: ruleUrl('node-name-length'),
    messages: {
      long: 'Expected a node name of at most 64 bytes, found {{bytes}} bytes: the kernel refuses it',
    },
  },
  check(ctx) {
    const enc = new TextEncoder();
    for (const c of ctx.doc.model.clusters) {
      for (const n of c.nodes) {
        const bytes = enc.encode(n.name).length;
        if (bytes <= LIMITS.kernel.nodeNameMaxBytes) continue;
        ctx.report({
          messageId: 'long',
          data: { bytes },
          span: fieldSpan(ctx.doc.links.node.get(n), 'name'),
        });
      }
    }
  },
});
