import { describe, expect, it } from 'vitest';
import { bootClusterStatus, crossCheckBootCluster, lint } from '../src/index.js';

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
  it('accepts a comma-separated string (ftkit lint --set clusterNames=a,b)', () => {
    expect(
      lint('O2CB_BOOTCLUSTER=prod\n', { settings: { clusterNames: 'web,db' } }).diagnostics.map(
        (d) => d.code,
      ),
    ).toEqual(['bootcluster-unknown']);
    expect(lint('O2CB_BOOTCLUSTER=db\n', { settings: { clusterNames: 'web,db' } }).diagnostics).toEqual([]);
  });
});
