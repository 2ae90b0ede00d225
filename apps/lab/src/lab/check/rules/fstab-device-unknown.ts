import { defineLabRule } from '../rule.js';
import { drbdMounts, resourceForDevice } from './util.js';

/** A DRBD device that no resource of this node defines never appears. */
export const fstabDeviceUnknown = defineLabRule({
  meta: {
    id: 'fstab-device-unknown',
    description: "fstab mounts only DRBD devices that a resource in the node's tree defines",
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      unknown: 'Unknown DRBD device `{{device}}`: expected one of {{known}}',
      none: 'Unknown DRBD device `{{device}}`: this node has no DRBD resource',
    },
  },
  check({ facts, report }) {
    for (const n of facts.nodes) {
      const devices = [
        ...new Set(n.drbd.flatMap((r) => r.hosts.flatMap((h) => (h.device ? [h.device.value] : [])))),
      ];
      for (const e of drbdMounts(n)) {
        if (resourceForDevice(n, e.spec.value)) continue;
        if (devices.length === 0) report({ messageId: 'none', data: { device: e.spec.value }, at: e.spec });
        else
          report({
            messageId: 'unknown',
            data: { device: e.spec.value, known: devices.map((d) => `\`${d}\``).join(', ') },
            at: e.spec,
            related: n.drbd.map((r) => ({ ...r.name, message: `resource \`${r.name.value}\`` })),
          });
      }
    }
  },
});
