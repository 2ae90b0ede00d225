import { afterAll, describe, expect, it } from 'vitest';
import { simulateO2cbListCluster } from '../../src/index.js';
import { clusterNamesIn, readRealworld, realworldFiles } from '../realworld-support.js';
import { Scratch } from '../support/o2cb.js';

// Every real cluster.conf sample against the real o2cb (ocfs2-tools 1.8.7): `list-cluster` of
// each cluster it names and of an unknown one prints what we print, with the same exit status.
// Fails, never skips, without o2cb.
const scratch = new Scratch();
afterAll(() => scratch.dispose());

describe('o2cb list-cluster on real cluster.conf files', () => {
  it.each(realworldFiles)('%s', (name) => {
    const text = readRealworld(name, 'latin1');
    scratch.write(text);
    for (const cluster of clusterNamesIn(text)) {
      const real = scratch.o2cb('list-cluster', cluster);
      const ours = simulateO2cbListCluster(text, cluster, 'cluster.conf');
      expect({ cluster, out: ours.stdout, err: ours.stderr, code: ours.exitCode }).toEqual({
        cluster,
        out: real.stdout,
        err: real.stderr,
        code: real.status,
      });
    }
  });
});

describe('o2cb on attribute lines without indentation', () => {
  it('refuses the file with code 251, as ocfs2/attribute-not-indented says', () => {
    const text = 'cluster:\nnode_count = 0\nname = web\n';
    scratch.write(text);
    const real = scratch.o2cb('list-cluster', 'web');
    expect(real.stderr).toBe(
      "o2cb: Unknown code ____ 251 while loading cluster configuration file 'cluster.conf'\n",
    );
    expect(simulateO2cbListCluster(text, 'web', 'cluster.conf').stderr).toBe(real.stderr);
    scratch.write(text.replace(/^(?=[a-z_]+ = )/gm, '\t'));
    expect(scratch.o2cb('list-cluster', 'web').status).toBe(0);
  });
});
