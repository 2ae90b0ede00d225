import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, FtkitError, formatIssuePath, type TextEdit } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import {
  addCluster,
  addHeartbeat,
  addNode,
  emit,
  format,
  parse,
  removeHeartbeat,
  removeNode,
  renameCluster,
  setHeartbeatMode,
} from '../src/index.js';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, 'fixtures', name, 'cluster.conf'), 'utf8');
const apply = (text: string, edits: TextEdit[]) => applyEdits(text, edits);

describe('edits keep what o2cb would drop', () => {
  const lenient = fixture('hand-edited-lenient');

  it('addNode keeps comments, unknown keys and orphans, and sets node_count to the node count', () => {
    const out = apply(lenient, addNode(lenient, 'web', { name: 'web3', ipAddress: '10.0.0.13' }));
    expect(out).toContain('# OCFS2 cluster layout for the web tier');
    expect(out).toContain('owner = ops-team');
    expect(out).toContain('site_info:');
    expect(out).toContain('name = web9');
    const r = parse(out);
    const web = r.model.clusters[0]!;
    expect(web.nodes.map((n) => [n.name, n.number, n.ipPort])).toEqual([
      ['web1', 1, 7777],
      ['web2', 3, 7777],
      ['web3', 0, 7777],
    ]);
    expect(web.nodeCount).toBe(3);
    // Only the touched bytes change: one insertion and the count value itself.
    const edits = addNode(lenient, 'web', { name: 'web3', ipAddress: '10.0.0.13' });
    expect(edits).toHaveLength(2);
    const countEdit = edits.find((e) => e.end > e.start)!;
    expect(lenient.slice(countEdit.start, countEdit.end)).toBe('3   ');
    expect(edits.find((e) => e.end === e.start)!.text).toMatch(/^node:\n/);
  });

  it('keeps the file indentation and `=` spacing for new lines', () => {
    const spaces = fixture('debian-readme-spaces');
    const out = apply(
      spaces,
      addNode(spaces, 'ocfs2', { name: 'node3', ipAddress: '192.168.1.3', number: 3 }),
    );
    expect(out).toContain('node:\n        cluster = ocfs2\n        number = 3\n        ip_port = 7777\n');
    expect(parse(out).model.clusters[0]!.nodeCount).toBe(3);
    expect(parse(out).diagnostics).toEqual([]);
  });

  it('removeNode deletes the stanza and its blank line and lowers node_count', () => {
    const text = fixture('o2cb-local-2node');
    const out = apply(text, removeNode(text, 'ocfs2', 'node1'));
    expect(out).toBe(
      'cluster:\n\tname = ocfs2\n\theartbeat_mode = local\n\tnode_count = 1\n\nnode:\n\tcluster = ocfs2\n\tnumber = 2\n\tip_port = 7777\n\tip_address = 192.168.1.2\n\tname = node2\n\n',
    );
  });

  it('heartbeats: add, remove, and the mode line (added when missing)', () => {
    const text = fixture('debian-readme-spaces');
    let out = apply(text, addHeartbeat(text, 'ocfs2', '77D95EF51C0149D2823674FCC162CF8B'));
    out = apply(out, setHeartbeatMode(out, 'ocfs2', 'global'));
    expect(out).toContain('        heartbeat_mode = global\n');
    let r = parse(out);
    expect(r.model.clusters[0]!.heartbeatMode).toBe('global');
    expect(r.model.clusters[0]!.heartbeats).toEqual([{ region: '77D95EF51C0149D2823674FCC162CF8B' }]);
    out = apply(out, removeHeartbeat(out, 'ocfs2', '77D95EF51C0149D2823674FCC162CF8B'));
    out = apply(out, setHeartbeatMode(out, 'ocfs2', 'local'));
    r = parse(out);
    expect(r.model.clusters[0]!.heartbeats).toEqual([]);
    expect(r.model.clusters[0]!.heartbeatMode).toBe('local');
    expect(setHeartbeatMode(out, 'ocfs2', 'local')).toEqual([]);
  });

  it('renameCluster renames the cluster and every member, not orphans', () => {
    const out = apply(lenient, renameCluster(lenient, 'web', 'shop'));
    const r = parse(out);
    expect(r.model.clusters.map((c) => c.name)).toEqual(['shop']);
    expect(r.model.clusters[0]!.nodes).toHaveLength(2);
    expect(out).toContain('cluster = staging');
    expect(out).toContain('# a column-0 comment does not end the stanza');
  });

  it('addCluster on an empty file gives what o2cb writes', () => {
    expect(apply('', addCluster('', 'ocfs2'))).toBe(
      'cluster:\n\tname = ocfs2\n\theartbeat_mode = local\n\tnode_count = 0\n\n',
    );
    const withComment = '# cluster layout\n';
    expect(apply(withComment, addCluster(withComment, 'a'))).toBe(
      '# cluster layout\n\ncluster:\n\tname = a\n\theartbeat_mode = local\n\tnode_count = 0\n\n',
    );
  });

  it('works on a file without a final newline', () => {
    const text = 'cluster:\n\tname = a\n\tnode_count = 0';
    const out = apply(text, addNode(text, 'a', { name: 'n1', ipAddress: '10.0.0.1' }));
    const r = parse(out);
    expect(r.diagnostics).toEqual([]);
    expect(r.model.clusters[0]!.nodes).toHaveLength(1);
    expect(r.model.clusters[0]!.nodeCount).toBe(1);
  });
});

it('never move stanzas, while format puts them where o2cb would (type groups can flip)', () => {
  let t = '';
  for (const edit of [
    (x: string) => addCluster(x, 'alpha'),
    (x: string) => addCluster(x, 'c3'),
    (x: string) => addHeartbeat(x, 'c3', 'R3'),
    (x: string) => addNode(x, 'alpha', { name: 'n1', ipAddress: '10.0.0.1' }),
  ])
    t = apply(t, edit(t));
  // alpha has a node before any cluster has a heartbeat: o2cb writes nodes before heartbeats.
  expect(t.indexOf('node:')).toBeLessThan(t.indexOf('heartbeat:'));
  t = apply(t, addHeartbeat(t, 'alpha', 'R1'));
  // Now alpha has a heartbeat, and o2cb would write every heartbeat before every node.
  const o2cb = format(t).text;
  expect(o2cb.indexOf('region = R3')).toBeLessThan(o2cb.indexOf('node:'));
  expect(parse(o2cb).model).toEqual(parse(t).model);
  expect(emit(parse(t).model)).toBe(o2cb);
});

describe('edits refuse what o2cb refuses, with o2cb words', () => {
  const text = fixture('o2cb-local-2node');
  it.each([
    [
      () => addNode(text, 'nope', { name: 'x', ipAddress: '10.0.0.9' }),
      "Unknown cluster 'nope'",
      'unknown-cluster',
      'cluster',
    ],
    [
      () => addNode(text, 'ocfs2', { name: 'x', ipAddress: '10.0.0.256' }),
      "Bad IP Address '10.0.0.256'",
      'invalid-ip-address',
      'node.ipAddress',
    ],
    [
      () => addNode(text, 'ocfs2', { name: 'x', ipAddress: '10.0.0.9', number: 255 }),
      'Nodenum should be >=0 and < 255 but is 255',
      'invalid-node-number',
      'node.number',
    ],
    [
      () => addNode(text, 'ocfs2', { name: 'x', ipAddress: '10.0.0.9', number: 1 }),
      "Choose another node number as '1' is in use",
      'node-number-taken',
      'node.number',
    ],
    [
      () => addNode(text, 'ocfs2', { name: 'node1', ipAddress: '10.0.0.9' }),
      "Node 'node1' already exists",
      'node-exists',
      'node.name',
    ],
    [
      () => addNode(text, 'ocfs2', { name: ' ', ipAddress: '10.0.0.9' }),
      'Node name cannot be zero length',
      'invalid-node-name',
      'node.name',
    ],
    [() => removeNode(text, 'ocfs2', 'x'), "Unknown node 'x'", 'unknown-node', 'name'],
    [() => addCluster(text, 'ocfs2'), "Cluster 'ocfs2' already exists", 'cluster-exists', 'name'],
    [
      () => addCluster(text, 'a-b'),
      'Cluster name is invalid ; only alpha-numeric characters allowed',
      'invalid-cluster-name',
      'name',
    ],
    [
      () => addCluster(text, 'x'.repeat(17)),
      'Cluster name is invalid ; max 16 characters',
      'invalid-cluster-name',
      'name',
    ],
    [() => addCluster(text, ''), 'Cluster name is invalid ; zero length', 'invalid-cluster-name', 'name'],
    [() => removeHeartbeat(text, 'ocfs2', 'R'), "Unknown heartbeat region 'R'", 'unknown-region', 'region'],
    [
      () => renameCluster(text, 'ocfs2', 'a_b'),
      'Cluster name is invalid ; only alpha-numeric characters allowed',
      'invalid-cluster-name',
      'to',
    ],
    [() => renameCluster(text, 'nope', 'x'), "Unknown cluster 'nope'", 'unknown-cluster', 'from'],
    [
      () => setHeartbeatMode(text, 'ocfs2', 'disk' as never),
      'usage: heartbeat-mode <clustername> {global|local}',
      'invalid-heartbeat-mode',
      'mode',
    ],
  ])('%#', (f, message, code, path) => {
    expect(f).toThrow(FtkitError);
    expect(f).toThrow(message);
    try {
      f();
    } catch (e) {
      expect([(e as FtkitError).code, formatIssuePath((e as FtkitError).path)]).toEqual([
        `ocfs2/${code}`,
        path,
      ]);
    }
  });
});
