import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkRuleDocs, type Diagnostic } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import {
  checkBundle,
  checkLab,
  defaultLabSpec,
  generateLab,
  type LabFile,
  LabSpecCheckedSchema,
  type LabTree,
  labFiles,
  labRules,
} from '../src/index.js';

// The variants were written against a DRBD 9 lab with Pacemaker fencing and borg 1.2 (so every
// rule has something to find); the original lab's platform is checked in lab-platform.test.ts.
const spec = LabSpecCheckedSchema.parse({
  ...defaultLabSpec,
  mode: 'dual-primary',
  platform: 'debian-12',
  drbdPackages: 'linbit',
  fencing: 'pacemaker',
  pacemaker: { hypervisor: '10.1.1.1' },
});

/** Generates the default lab, applies `edits` (path → [search, replace]) and checks it. */
function broken(mode: 'single-primary' | 'dual-primary', edits: Record<string, [string | RegExp, string][]>) {
  const lab = generateLab(spec, { mode });
  const edited = new Set<string>();
  const edit = <F extends LabFile>(f: F): F => {
    let text = f.text;
    for (const [from, to] of edits[f.path] ?? []) {
      const next = text.replace(from, to);
      if (next === text) throw new Error(`edit ${String(from)} did not apply to ${f.path}`);
      text = next;
      edited.add(f.path);
    }
    return { ...f, text };
  };
  const tree: LabTree = {
    files: lab.files.map(edit),
    phases: lab.phases.map((p) => ({
      ...p,
      files: p.files.map(edit),
      nodes: p.nodes.map((n) => ({ ...n, files: n.files.map(edit) })),
    })),
  };
  for (const path of Object.keys(edits)) if (!edited.has(path)) throw new Error(`no file ${path}`);
  const texts = new Map(labFiles(tree).map((f) => [f.path, f.text]));
  const found = checkLab(tree).files.flatMap((f) => f.diagnostics);
  return { found, texts };
}

/** The text a diagnostic (or related location) points at. */
function at(texts: Map<string, string>, d: { file?: string; span: { start: number; end: number } }) {
  return texts.get(d.file ?? '')!.slice(d.span.start, d.span.end);
}

interface Variant {
  name: string;
  mode: 'single-primary' | 'dual-primary';
  edits: Record<string, [string | RegExp, string][]>;
  rule: string;
  /** file → the text the finding (or a related place) must point at there. */
  places: Record<string, string>;
}

const variants: Variant[] = [
  {
    name: 'wrong IP on one node',
    mode: 'dual-primary',
    edits: { 'vm2/etc/drbd.d/r0.res': [['10.1.1.92:7788', '10.1.1.93:7788']] },
    rule: 'node-address-mismatch',
    places: { 'vm2/etc/drbd.d/r0.res': '10.1.1.93', 'vm2/etc/ocfs2/cluster.conf': '10.1.1.92' },
  },
  {
    name: 'the two copies of r0 differ',
    mode: 'single-primary',
    edits: { 'vm2/etc/drbd.d/r0.res': [['protocol C', 'protocol B']] },
    rule: 'drbd-resource-drift',
    places: { 'vm2/etc/drbd.d/r0.res': 'r0', 'vm1/etc/drbd.d/r0.res': 'r0' },
  },
  {
    name: 'ext4 in dual-primary',
    mode: 'dual-primary',
    edits: { 'vm1/etc/fstab.d/ftkit-lab.fstab': [[' ocfs2 ', ' ext4 ']] },
    rule: 'dual-primary-local-fs',
    places: { 'vm1/etc/fstab.d/ftkit-lab.fstab': 'ext4', 'vm1/etc/drbd.d/r0.res': 'yes' },
  },
  {
    name: 'ext4 mounted on both nodes',
    mode: 'dual-primary',
    edits: {
      // Without `noauto` both nodes mount at boot (the standby's `noauto` entry is fine).
      'vm1/etc/fstab.d/ftkit-lab.fstab': [[' ocfs2 defaults,noauto,', ' ext4 defaults,']],
      'vm2/etc/fstab.d/ftkit-lab.fstab': [[' ocfs2 defaults,noauto,', ' ext4 defaults,']],
      'vm1/etc/drbd.d/r0.res': [['allow-two-primaries yes', 'allow-two-primaries no']],
      'vm2/etc/drbd.d/r0.res': [['allow-two-primaries yes', 'allow-two-primaries no']],
    },
    rule: 'local-fs-shared-mount',
    places: { 'vm1/etc/fstab.d/ftkit-lab.fstab': 'ext4', 'vm2/etc/fstab.d/ftkit-lab.fstab': 'ext4' },
  },
  {
    name: 'mismatched cluster name',
    mode: 'dual-primary',
    edits: { 'vm2/etc/default/o2cb': [['O2CB_BOOTCLUSTER=ocfs2cluster', 'O2CB_BOOTCLUSTER=ocfs2clustr']] },
    rule: 'o2cb-bootcluster-unknown',
    places: { 'vm2/etc/default/o2cb': 'ocfs2clustr', 'vm2/etc/ocfs2/cluster.conf': 'ocfs2cluster' },
  },
  {
    name: 'cluster.conf edited on one node',
    mode: 'dual-primary',
    edits: { 'vm2/etc/ocfs2/cluster.conf': [['ip_port = 7777', 'ip_port = 7778']] },
    rule: 'cluster-conf-drift',
    places: { 'vm2/etc/ocfs2/cluster.conf': 'ocfs2cluster', 'vm1/etc/ocfs2/cluster.conf': 'ocfs2cluster' },
  },
  {
    name: 'DRBD on the OCFS2 port',
    mode: 'dual-primary',
    edits: {
      'vm1/etc/drbd.d/r0.res': [[/:7788/g, ':7777']],
    },
    rule: 'port-collision',
    places: { 'vm1/etc/ocfs2/cluster.conf': '7777', 'vm1/etc/drbd.d/r0.res': '7777' },
  },
  {
    name: 'unrestricted key',
    mode: 'single-primary',
    edits: { 'vm1/home/borg/.ssh/authorized_keys': [[/^command="[^"]*",restrict /, '']] },
    rule: 'borg-key-unrestricted',
    places: {
      'vm1/home/borg/.ssh/authorized_keys':
        'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIC3BAcyDqFEIM2wf44vO5TMXlQCbBqaoV61geNQj6R/x root@vm2 (ftkit lab example key)',
      'vm2/etc/systemd/system/borg-backup.service':
        'ssh://borg@10.1.1.61/home/borg/BackupRepo::{hostname}-{now}',
    },
  },
  {
    name: 'key restricted to another path',
    mode: 'single-primary',
    edits: { 'vm1/home/borg/.ssh/authorized_keys': [['/home/borg/BackupRepo', '/home/borg/Other']] },
    rule: 'borg-restrict-path-mismatch',
    places: {
      'vm1/home/borg/.ssh/authorized_keys': 'command="borg serve --restrict-to-path /home/borg/Other"',
      'vm2/etc/systemd/system/borg-backup.service':
        'ssh://borg@10.1.1.61/home/borg/BackupRepo::{hostname}-{now}',
    },
  },
  {
    name: 'protocol A under OCFS2',
    mode: 'dual-primary',
    edits: {
      'vm1/etc/drbd.d/r0.res': [['protocol C', 'protocol A']],
      'vm2/etc/drbd.d/r0.res': [['protocol C', 'protocol A']],
    },
    rule: 'cluster-fs-protocol',
    places: { 'vm1/etc/drbd.d/r0.res': 'A', 'vm1/etc/fstab.d/ftkit-lab.fstab': 'ocfs2' },
  },
  {
    name: 'OCFS2 without allow-two-primaries',
    mode: 'dual-primary',
    edits: {
      'vm1/etc/drbd.d/r0.res': [['allow-two-primaries yes', 'allow-two-primaries no']],
      'vm2/etc/drbd.d/r0.res': [['allow-two-primaries yes', 'allow-two-primaries no']],
    },
    rule: 'cluster-fs-without-dual-primary',
    places: { 'vm1/etc/drbd.d/r0.res': 'r0', 'vm2/etc/fstab.d/ftkit-lab.fstab': 'ocfs2' },
  },
  {
    name: 'no fencing in dual-primary',
    mode: 'dual-primary',
    edits: { 'vm1/etc/drbd.d/r0.res': [['fencing resource-and-stonith', 'fencing dont-care']] },
    rule: 'cluster-fs-fencing',
    places: { 'vm1/etc/drbd.d/r0.res': 'dont-care', 'vm1/etc/fstab.d/ftkit-lab.fstab': 'ocfs2' },
  },
  {
    name: 'fstab heartbeat mode disagrees',
    mode: 'dual-primary',
    edits: { 'vm2/etc/fstab.d/ftkit-lab.fstab': [['heartbeat=local', 'heartbeat=global']] },
    rule: 'fstab-heartbeat-mismatch',
    places: { 'vm2/etc/fstab.d/ftkit-lab.fstab': 'heartbeat=global', 'vm2/etc/ocfs2/cluster.conf': 'local' },
  },
  {
    name: 'too few OCFS2 slots',
    mode: 'dual-primary',
    edits: { 'RUNBOOK.md': [['mkfs.ocfs2 -F -N 2', 'mkfs.ocfs2 -F -N 1']] },
    rule: 'ocfs2-slots-too-few',
    places: { 'RUNBOOK.md': '1', 'vm1/etc/ocfs2/cluster.conf': 'ocfs2cluster' },
  },
  {
    name: 'host name not in the cluster',
    mode: 'dual-primary',
    edits: { 'vm2/etc/hostname': [['vm2', 'vm3']] },
    rule: 'hostname-not-in-cluster',
    places: { 'vm2/etc/ocfs2/cluster.conf': 'ocfs2cluster', 'vm2/etc/hostname': 'vm3' },
  },
  {
    name: 'host name not in the DRBD resource',
    mode: 'single-primary',
    edits: { 'vm2/etc/hostname': [['vm2', 'vm2b']] },
    rule: 'hostname-not-in-drbd',
    places: { 'vm2/etc/drbd.d/r0.res': 'r0', 'vm2/etc/hostname': 'vm2b' },
  },
  {
    name: 'o2cb disabled',
    mode: 'dual-primary',
    edits: { 'vm1/etc/default/o2cb': [['O2CB_ENABLED=true', 'O2CB_ENABLED=false']] },
    rule: 'o2cb-disabled-with-ocfs2',
    places: { 'vm1/etc/default/o2cb': 'false', 'vm1/etc/fstab.d/ftkit-lab.fstab': 'ocfs2' },
  },
  {
    name: 'different heartbeat thresholds',
    mode: 'dual-primary',
    edits: { 'vm2/etc/default/o2cb': [['O2CB_HEARTBEAT_THRESHOLD=31', 'O2CB_HEARTBEAT_THRESHOLD=61']] },
    rule: 'o2cb-timeout-drift',
    places: { 'vm2/etc/default/o2cb': '61', 'vm1/etc/default/o2cb': '31' },
  },
  {
    name: 'mounting a device no resource defines',
    mode: 'single-primary',
    edits: { 'vm1/etc/fstab.d/ftkit-lab.fstab': [['/dev/drbd0', '/dev/drbd1']] },
    rule: 'fstab-device-unknown',
    places: { 'vm1/etc/fstab.d/ftkit-lab.fstab': '/dev/drbd1', 'vm1/etc/drbd.d/r0.res': 'r0' },
  },
  {
    name: 'mounting the backing disk',
    mode: 'single-primary',
    edits: { 'vm1/etc/fstab.d/ftkit-lab.fstab': [['/dev/drbd0', '/dev/vdb']] },
    rule: 'drbd-backing-disk-mounted',
    places: { 'vm1/etc/fstab.d/ftkit-lab.fstab': '/dev/vdb', 'vm1/etc/drbd.d/r0.res': '/dev/vdb' },
  },
  {
    name: 'nodes disagree about the file system',
    mode: 'dual-primary',
    edits: { 'vm2/etc/fstab.d/ftkit-lab.fstab': [[' ocfs2 ', ' gfs2 ']] },
    rule: 'fstab-fs-drift',
    places: { 'vm2/etc/fstab.d/ftkit-lab.fstab': 'gfs2', 'vm1/etc/fstab.d/ftkit-lab.fstab': 'ocfs2' },
  },
  {
    name: 'repository on the replicated device',
    mode: 'single-primary',
    edits: {
      'vm2/etc/systemd/system/borg-backup.service': [[/\/home\/borg\/BackupRepo/g, '/srv/BackupRepo']],
      'vm2/etc/systemd/system/borg-prune.service': [[/\/home\/borg\/BackupRepo/g, '/srv/BackupRepo']],
      'vm2/etc/systemd/system/borg-check.service': [[/\/home\/borg\/BackupRepo/g, '/srv/BackupRepo']],
      'vm1/home/borg/.ssh/authorized_keys': [['/home/borg/BackupRepo', '/srv/BackupRepo']],
    },
    rule: 'backup-repo-on-replicated-storage',
    places: {
      'vm2/etc/systemd/system/borg-backup.service': 'ssh://borg@10.1.1.61/srv/BackupRepo::{hostname}-{now}',
      'vm1/etc/fstab.d/ftkit-lab.fstab': '/srv',
    },
  },
  {
    name: 'no prune',
    mode: 'single-primary',
    edits: { 'vm2/etc/systemd/system/borg-prune.service': [[/--keep-\w+ \d+ /g, '']] },
    rule: 'borg-retention-missing',
    places: {
      'vm2/etc/systemd/system/borg-backup.service': '/usr/bin/borg create …',
      'vm2/etc/systemd/system/borg-prune.service': '/usr/bin/borg prune …',
    },
  },
  {
    name: 'check without --verify-data',
    mode: 'single-primary',
    edits: { 'vm2/etc/systemd/system/borg-check.service': [[' --verify-data', '']] },
    rule: 'borg-verify-missing',
    places: {
      'vm2/etc/systemd/system/borg-backup.service': '/usr/bin/borg create …',
      'vm2/etc/systemd/system/borg-check.service': '/usr/bin/borg check …',
    },
  },
  {
    name: 'timer for a missing service',
    mode: 'single-primary',
    edits: {
      'vm2/etc/systemd/system/borg-check.timer': [['Unit=borg-check.service', 'Unit=borg-verify.service']],
    },
    rule: 'systemd-timer-without-service',
    places: { 'vm2/etc/systemd/system/borg-check.timer': 'borg-verify.service' },
  },
  {
    name: 'prune maintains another repository',
    mode: 'single-primary',
    edits: { 'vm2/etc/systemd/system/borg-prune.service': [[/BackupRepo/g, 'OldRepo']] },
    rule: 'borg-repository-drift',
    places: {
      'vm2/etc/systemd/system/borg-prune.service': 'ssh://borg@10.1.1.61/home/borg/OldRepo',
      'vm2/etc/systemd/system/borg-backup.service':
        'ssh://borg@10.1.1.61/home/borg/BackupRepo::{hostname}-{now}',
    },
  },
  {
    name: 'server without the key',
    mode: 'single-primary',
    edits: { 'vm2/etc/systemd/system/borg-backup.service': [[/borg@10\.1\.1\.61/g, 'backup@10.1.1.61']] },
    rule: 'borg-server-key-missing',
    places: {
      'vm2/etc/systemd/system/borg-backup.service':
        'ssh://backup@10.1.1.61/home/borg/BackupRepo::{hostname}-{now}',
    },
  },
  {
    name: 'DRBD host missing from the cluster',
    mode: 'dual-primary',
    edits: {
      'vm1/etc/drbd.d/r0.res': [
        [
          /on vm2 \{\n(.*)\n(.*)\n/,
          'on vm2 {\n$1\n$2\n    on vm3 {\n        address 10.1.1.93:7788;\n    }\n',
        ],
      ],
    },
    rule: 'node-name-mismatch',
    places: { 'vm1/etc/drbd.d/r0.res': 'vm3', 'vm1/etc/ocfs2/cluster.conf': 'ocfs2cluster' },
  },
];

describe('hand-broken variants of the default lab', () => {
  it('the unbroken lab has no cross-file findings in either mode', () => {
    for (const mode of ['single-primary', 'dual-primary'] as const) {
      const { found } = broken(mode, {});
      expect(found.filter((d) => d.source === '@ftkit/lab')).toEqual([]);
    }
  });

  for (const v of variants) {
    it(`${v.name} → ${v.rule}, with positions in every file involved`, () => {
      const { found, texts } = broken(v.mode, v.edits);
      const mine = found.filter((d: Diagnostic) => d.ruleId === v.rule);
      expect(
        mine.length,
        JSON.stringify(
          found.map((d) => `${d.file} ${d.ruleId} ${d.message}`),
          null,
          1,
        ),
      ).toBeGreaterThan(0);
      const d = mine[0]!;
      const places = [d, ...(d.related ?? [])];
      for (const [file, text] of Object.entries(v.places)) {
        const p = places.find((x) => x.file === file);
        expect(p, `${v.rule} names ${file}`).toBeDefined();
        // `…` at the end: the place starts with this text (long command lines).
        if (text.endsWith('…')) expect(at(texts, p!).startsWith(text.slice(0, -1))).toBe(true);
        else expect(at(texts, p!)).toBe(text);
        expect(p!.position.start.line).toBeGreaterThan(0);
      }
      if (d.related?.length) expect(d.note).toContain('See ');
    });
  }

  it('covers every rule with a variant', () => {
    expect(new Set(variants.map((v) => v.rule))).toEqual(new Set(Object.keys(labRules)));
  });
});

describe('rule docs', () => {
  const docs = join(import.meta.dirname, '../../../docs/rules/lab');
  for (const rule of Object.values(labRules)) {
    it(`${rule.meta.id} has a page whose examples behave as documented`, () => {
      let md: string | undefined;
      try {
        md = readFileSync(join(docs, `${rule.meta.id}.md`), 'utf8');
      } catch {
        md = undefined;
      }
      expect(rule.meta.url).toBe(
        `https://github.com/ftkit/ftkit/blob/main/docs/rules/lab/${rule.meta.id}.md`,
      );
      // Every other rule off, this one at the severity a user gets without configuring it.
      const level = rule.meta.defaultSeverity === 'off' ? 'error' : rule.meta.defaultSeverity;
      const problems = checkRuleDocs(rule, md, (code, settings) => ({
        diagnostics: checkBundle(code, {
          rules: Object.fromEntries(
            Object.keys(labRules).map((id) => [id, id === rule.meta.id ? level : 'off']),
          ),
          ...(settings.drbdVersion === '8.4' ? { drbdVersion: '8.4' as const } : {}),
        }),
      }));
      expect(problems).toEqual([]);
    });
  }
});
