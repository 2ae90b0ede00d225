import { defineRule } from '@ftkit/core';
import { SPLIT_BRAIN_HELPERS, splitBrainEvidence } from '../../health.js';
import type { StatusDoc } from '../doc.js';
import { ruleUrl } from '../url.js';

/**
 * Split brain suspected: the kernel called the `split-brain`/`pri-lost-after-sb` handler
 * (events2), or a connection is StandAlone while the peer's disk is still remembered or data is
 * out of sync — what DRBD leaves behind after dropping a connection on split brain.
 */
export const splitBrainSuspected = defineRule<StatusDoc>()({
  meta: {
    id: 'split-brain-suspected',
    description: 'Reports connections that look like they were dropped because of a split brain',
    defaultSeverity: 'error',
    fixable: false,
    url: ruleUrl('split-brain-suspected'),
    messages: {
      helper: 'Split brain on `{{resource}}`: the kernel called the `{{helper}}` handler',
      standalone:
        'Expected `{{resource}}` to be connected to `{{connection}}`, found StandAlone with {{evidence}} (split brain suspected)',
    },
  },
  check(ctx) {
    const doc = ctx.doc;
    for (const call of doc.helperCalls) {
      if (SPLIT_BRAIN_HELPERS.has(call.helper)) {
        ctx.report({
          messageId: 'helper',
          data: { resource: call.resource, helper: call.helper },
          span: doc.locate(call.resource),
        });
      }
    }
    for (const r of doc.status.resources) {
      for (const c of r.connections) {
        const found = splitBrainEvidence(c);
        if (!found) continue;
        const evidence = found.remembered
          ? `the peer disk remembered as ${found.remembered.peerDisk}`
          : `${found.outOfSync!.outOfSyncBytes} bytes out of sync`;
        ctx.report({
          messageId: 'standalone',
          data: { resource: r.name, connection: c.name, evidence },
          span: doc.locate(r.name, c.name),
          severity: 'warning',
          note: 'Check the kernel log for `Split-Brain detected`; resolve with `drbdadm connect --discard-my-data` on the victim',
        });
      }
    }
  },
});
