import { defineRule } from '@ftkit/core';
import { type ClusterConfDoc, fieldSpan, ruleUrl } from '../types.js';

/** The device names o2cb 1.8.7 scans for global heartbeat regions. */
export const SCANNED_DEVICES = /^\/dev\/(?:sd|loop|xvd|vd|rbd|drbd|mapper\/|emcpower)/;

/** HB-DEVICE-PATH (host context): `start-heartbeat` only scans some device names. */
export const heartbeatDevicePath = defineRule<ClusterConfDoc>()({
  meta: {
    id: 'heartbeat-device-path',
    description:
      'With the `regionDevices` setting (region → device path), flags heartbeat devices o2cb never scans',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('heartbeat-device-path'),
    messages: {
      path: 'Heartbeat region `{{region}}` is on `{{device}}`, which o2cb does not scan: `start-heartbeat` will not find it',
    },
  },
  check(ctx) {
    const devices = ctx.settings.regionDevices;
    // An object (API), or `REGION=/dev/x,REGION=/dev/y` (from `ftkit lint --set regionDevices=…`).
    const map = new Map<string, unknown>(
      typeof devices === 'string'
        ? devices
            .split(',')
            .map((pair) => pair.trim().split('=') as [string, string])
            .filter((p) => p.length === 2)
        : devices && typeof devices === 'object'
          ? Object.entries(devices as Record<string, unknown>)
          : [],
    );
    if (map.size === 0) return;
    for (const c of ctx.doc.model.clusters) {
      for (const h of c.heartbeats) {
        const device = map.get(h.region);
        if (typeof device !== 'string' || SCANNED_DEVICES.test(device)) continue;
        ctx.report({
          messageId: 'path',
          data: { region: h.region, device },
          span: fieldSpan(ctx.doc.links.heartbeat.get(h), 'region'),
          note: 'o2cb 1.8.7 scans /dev/sd*, loop*, xvd*, vd*, rbd*, drbd*, mapper/* and emcpower* only (no NVMe)',
        });
      }
    }
  },
});
