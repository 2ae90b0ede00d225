import { FtkitError } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import { bootClusterStatus, checkDrift, crossCheckBootCluster, lint } from '../src/index.js';

describe('BOOTCLUSTER cross-check', () => {
  it('accepts a defined cluster and reports unknown ones with a suggestion', () => {
    expect(bootClusterStatus('O2CB_BOOTCLUSTER=web\n', ['web', 'db'])).toEqual({
      status: 'ok',
      bootCluster: 'web',
    });
    expect(bootClusterStatus('O2CB_BOOTCLUSTER=Web1\n', ['web1'])).toEqual({
      status: 'unknown',
      bootCluster: 'Web1',
      suggestion: 'web1',
    });
    expect(bootClusterStatus('O2CB_BOOTCLUSTER=\n', ['web'])).toEqual({ status: 'unset' });
  });

  it('returns positioned diagnostics for the lab app', () => {
    const d = crossCheckBootCluster('O2CB_ENABLED=true\nO2CB_BOOTCLUSTER=prod\n', ['ocfs2'], {
      fileName: 'o2cb',
    });
    expect(d.map((x) => [x.code, x.file, x.position.start.line, x.position.start.column, x.message])).toEqual(
      [
        [
          'bootcluster-unknown',
          'o2cb',
          2,
          18,
          'Unknown cluster `prod` in `O2CB_BOOTCLUSTER`; cluster.conf defines `ocfs2`',
        ],
      ],
    );
    expect(crossCheckBootCluster('O2CB_ENABLED=true\n', ['ocfs2']).map((x) => x.code)).toEqual([
      'bootcluster-missing',
    ]);
    expect(crossCheckBootCluster('O2CB_BOOTCLUSTER=__proto__\n', ['constructor']).map((x) => x.code)).toEqual(
      ['bootcluster-format', 'bootcluster-unknown'],
    );
  });
});

describe('clusterNames setting', () => {
  it('takes a list of names and refuses anything else with an FtkitError', () => {
    expect(
      lint('O2CB_BOOTCLUSTER=prod\n', { settings: { clusterNames: ['web', 'db'] } }).diagnostics.map(
        (d) => d.code,
      ),
    ).toEqual(['bootcluster-unknown']);
    expect(lint('O2CB_BOOTCLUSTER=db\n', { settings: { clusterNames: ['web', 'db'] } }).diagnostics).toEqual(
      [],
    );
    // @ts-expect-error a string is not a list of names
    const call = () => lint('O2CB_BOOTCLUSTER=db\n', { settings: { clusterNames: 'web,db' } });
    expect(call).toThrow(FtkitError);
    expect(call).toThrow('`clusterNames` must be a list of strings');
  });
});

describe('checkDrift', () => {
  it('reports effective differences between nodes and ignores the reconnect delay', () => {
    const a = 'O2CB_HEARTBEAT_THRESHOLD=61\nO2CB_IDLE_TIMEOUT_MS=60000\nO2CB_RECONNECT_DELAY_MS=2000\n';
    const b = 'O2CB_HEARTBEAT_THRESHOLD=31\nO2CB_IDLE_TIMEOUT_MS=60000\nO2CB_RECONNECT_DELAY_MS=4000\n';
    const d = checkDrift([
      { file: 'node1', text: a },
      { file: 'node2', text: b },
    ]);
    expect(d.map((x) => [x.file, x.position.start.line, x.position.start.column, x.code, x.message])).toEqual(
      [
        [
          'node2',
          1,
          26,
          'o2cb/drift',
          'Expected `O2CB_HEARTBEAT_THRESHOLD` to be in effect as 61 as on `node1`, found 31; the nodes disconnect from each other',
        ],
      ],
    );
    expect(d[0]?.related?.[0]).toMatchObject({ file: 'node1', position: { start: { line: 1, column: 26 } } });
  });

  it('compares what is in effect, not what is written', () => {
    // node2 writes a keepalive the kernel refuses (not below idle), so 2000 stays in force on both.
    const d = checkDrift([
      { file: 'n1', text: 'O2CB_KEEPALIVE_DELAY_MS=2000\n' },
      { file: 'n2', text: 'O2CB_KEEPALIVE_DELAY_MS=40000\n' },
      { file: 'n3', text: 'O2CB_KEEPALIVE_DELAY_MS=3000\n' },
    ]);
    expect(d.map((x) => x.file)).toEqual(['n3']);
    expect(checkDrift([])).toEqual([]);
  });
});
