import { defineRule } from '@ftkit/core';
import type { O2cbLintDoc } from '../doc.js';
import { ruleUrl } from '../doc.js';

const DEBIAN_KEEPS = new Set([
  'O2CB_ENABLED',
  'O2CB_BOOTCLUSTER',
  'O2CB_HEARTBEAT_THRESHOLD',
  'O2CB_IDLE_TIMEOUT_MS',
  'O2CB_KEEPALIVE_DELAY_MS',
  'O2CB_RECONNECT_DELAY_MS',
]);

/**
 * DO-DEBIAN-REGEN: on Debian the postinst rewrites /etc/default/o2cb from debconf at every package
 * configure; only the six debconf values survive. Runs only with the setting `debian: true`.
 */
export const debianRegenerated = defineRule<O2cbLintDoc>()({
  meta: {
    id: 'debian-regenerated',
    description: 'On Debian (setting `debian: true`), report content the package regenerates away',
    defaultSeverity: 'info',
    fixable: false,
    url: ruleUrl('debian-regenerated'),
    messages: {
      stack:
        'Unexpected `O2CB_STACK` on Debian; the next package configure drops it and the stack falls back to `o2cb`',
      other: 'Unexpected `{{name}}` on Debian; the next package configure drops it',
    },
  },
  check(ctx) {
    if (ctx.settings.debian !== true) return;
    for (const a of ctx.doc.assignments) {
      const name = a.name.text;
      if (DEBIAN_KEEPS.has(name)) continue;
      const note = 'ocfs2-tools regenerates the file from debconf on install, upgrade and dpkg-reconfigure';
      if (name === 'O2CB_STACK') {
        if (a.value.value !== '' && a.value.value !== 'o2cb')
          ctx.report({ messageId: 'stack', span: a.name, note });
      } else ctx.report({ messageId: 'other', data: { name }, span: a.name, note });
    }
  },
});
