import { defineRule } from '@ftkit/core';
import { optionSpec } from '../../model/options.js';
import { at, type DrbdLintDoc, options, ruleUrl } from '../context.js';

/** DRBD003: on a host with an 8.4 kernel module drbdadm switches to the 8.4 parser. */
export const nineOnlyConstruct = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'nine-only-construct',
    description: 'DRBD 9-only options and sections fail where an 8.4 kernel module is loaded',
    defaultSeverity: 'off',
    fixable: false,
    url: ruleUrl('nine-only-construct'),
    messages: { nine: '`{{what}}` exists only in DRBD 9: hosts with an 8.4 kernel module reject this file' },
  },
  check(ctx) {
    if (ctx.doc.version !== '9') return;
    for (const { option, section } of options(ctx.doc.model)) {
      const kind = section.kind === 'syncer' ? 'disk' : section.kind;
      if (
        optionSpec('9', kind, option.name) &&
        !optionSpec('8.4', kind, option.name) &&
        !(kind === 'net' && option.name === 'fencing')
      )
        ctx.report({ messageId: 'nine', data: { what: option.name }, ...at(option, ctx.doc) });
    }
    for (const r of ctx.doc.model.resources) {
      for (const h of r.hosts)
        if (h.nodeId !== undefined)
          ctx.report({ messageId: 'nine', data: { what: 'node-id' }, ...at(h, ctx.doc) });
      for (const c of r.connections)
        ctx.report({ messageId: 'nine', data: { what: 'connection' }, ...at(c, ctx.doc) });
      for (const m of r.meshes)
        ctx.report({ messageId: 'nine', data: { what: 'connection-mesh' }, ...at(m, ctx.doc) });
    }
  },
});
