import { applyEdits } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import {
  crossCheckBootCluster,
  edit,
  emit,
  fromSettings,
  heartbeatTimeoutMs,
  lint,
  parse,
  thresholdForTimeout,
} from '../src/index.js';

// The examples of README.md and docs/o2cb-defaults.md, with the results they claim.
describe('documented examples', () => {
  it('docs quick start', () => {
    const text = 'O2CB_ENABLED=true\nO2CB_BOOTCLUSTER=web\nO2CB_HEARTBEAT_THRESHOLD=5\n';
    const { model } = parse(text);
    expect(model.variables.O2CB_BOOTCLUSTER).toBe('web');
    expect(model.settings).toEqual({
      enabled: true,
      stack: 'o2cb',
      bootCluster: 'web',
      heartbeatThreshold: 5,
      idleTimeoutMs: 30000,
      keepaliveDelayMs: 2000,
      reconnectDelayMs: 2000,
    });
    const d = lint(text, { settings: { clusterNames: ['web', 'db'] } }).diagnostics;
    expect(
      d.map((x) => `${x.position.start.line}:${x.position.start.column} ${x.severity} ${x.code}`),
    ).toEqual(['3:26 warning threshold-below-minimum']);
    expect(applyEdits(text, edit.set(text, 'O2CB_HEARTBEAT_THRESHOLD', '61'))).toContain(
      'O2CB_HEARTBEAT_THRESHOLD=61\n',
    );
    expect(emit(fromSettings({ enabled: true, bootCluster: 'web', heartbeatThreshold: 61 }))).toContain(
      'O2CB_HEARTBEAT_THRESHOLD=61\n',
    );
    expect(emit(fromSettings({ stack: 'pcmk', bootCluster: 'hana' }), { form: 'initscript' })).toContain(
      'O2CB_STACK=pcmk\n',
    );
    expect(crossCheckBootCluster(text, ['web', 'db'])).toEqual([]);
    expect(heartbeatTimeoutMs(31)).toBe(60000);
    expect(thresholdForTimeout(120)).toBe(61);
  });

  it('README use', () => {
    const text = 'export O2CB_ENABLED="true"\nO2CB_BOOTCLUSTER=web\nO2CB_KEEPALIVE_DELAY_MS=40000\n';
    expect(parse(text).model.settings.keepaliveDelayMs).toBe(2000);
    expect(lint(text).diagnostics[0]?.message).toBe(
      'Expected `O2CB_KEEPALIVE_DELAY_MS` (`40000`) to be smaller than the idle timeout (30000 ms); the kernel rejects it and keeps 2000 ms',
    );
    expect(applyEdits(text, edit.set(text, 'O2CB_IDLE_TIMEOUT_MS', '60000'))).toBe(
      `${text}O2CB_IDLE_TIMEOUT_MS=60000\n`,
    );
    expect(crossCheckBootCluster(text, ['web'])).toEqual([]);
  });
});
