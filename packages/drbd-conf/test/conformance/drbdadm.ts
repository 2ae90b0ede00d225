import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The real tools the conformance tests compare against. */
export const TOOLS = {
  '9': '/usr/sbin/drbdadm',
  '8.4': '/usr/lib/drbd/drbdadm-84',
  '8.3': '/usr/lib/drbd/drbdadm-83',
} as const;

/** The node name and addresses every corpus file uses for the local host. */
export const NODE = 'alice';
const LOCAL_IPS = ['10.1.1.31/32', '10.1.1.131/32'];
const LOCAL_IP6 = ['fd00::31/128'];

export interface ToolRun {
  readonly rc: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Fails (never skips) when a tool is missing, saying how to install it. */
export function requireTools(): void {
  for (const t of [...Object.values(TOOLS), '/usr/bin/unshare']) {
    if (!existsSync(t))
      throw new Error(
        `${t} is missing: install drbd-utils (apt-get install drbd-utils) and util-linux to run the conformance tests`,
      );
  }
}

/**
 * Runs `drbdadm -c FILE dump all` (and drbdadm-84) for many files inside one private network
 * namespace that owns the corpus's local addresses, so the IP check passes without touching the
 * host. stdin is /dev/null (not a TTY), `__DRBD_NODE__` picks the local node.
 */
export function runDrbdadm(files: readonly string[], version: keyof typeof TOOLS, node = NODE): ToolRun[] {
  requireTools();
  const dir = mkdtempSync(join(tmpdir(), 'ftkit-drbdadm-'));
  const lines = [
    'ip link set lo up',
    ...LOCAL_IPS.map((ip) => `ip addr add ${ip} dev lo`),
    ...LOCAL_IP6.map((ip) => `ip -6 addr add ${ip} dev lo 2>/dev/null || true`),
  ];
  files.forEach((f, i) => {
    lines.push(
      `__DRBD_NODE__='${node}' '${TOOLS[version]}' -c '${f}' dump all </dev/null >'${dir}/${i}.out' 2>'${dir}/${i}.err'; echo $? >'${dir}/${i}.rc'`,
    );
  });
  writeFileSync(join(dir, 'run.sh'), `${lines.join('\n')}\n`);
  const r = spawnSync('unshare', ['-n', 'sh', join(dir, 'run.sh')], { encoding: 'utf8' });
  if (r.status !== 0)
    throw new Error(
      `unshare failed (${r.status}): ${r.stderr} — the conformance tests need root or user namespaces`,
    );
  return files.map((_, i) => ({
    rc: Number(readFileSync(join(dir, `${i}.rc`), 'utf8').trim()),
    stdout: readFileSync(join(dir, `${i}.out`), 'utf8'),
    stderr: readFileSync(join(dir, `${i}.err`), 'utf8'),
  }));
}

/** Dump text without comment lines (drbdadm's `# …` header lines are environment-specific). */
export function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((l) => !/^\s*#/.test(l))
    .join('\n');
}

/** One file to run drbdadm on as a given node owning given IPv4 addresses. */
export interface NodeRun {
  readonly file: string;
  readonly node: string;
  readonly ips: readonly string[];
}

/**
 * Like {@link runDrbdadm}, but each file in a network namespace of its own that owns exactly
 * that file's addresses (so a `floating` section matches only its own IP), run as its node.
 */
export function runDrbdadmAs(runs: readonly NodeRun[], version: keyof typeof TOOLS): ToolRun[] {
  requireTools();
  const dir = mkdtempSync(join(tmpdir(), 'ftkit-drbdadm-as-'));
  const lines: string[] = [];
  runs.forEach((r, i) => {
    const setup = [
      'ip link set lo up',
      ...r.ips.map((ip) => `ip addr add ${ip}/32 dev lo 2>/dev/null || true`),
    ];
    lines.push(
      `unshare -n sh -c '${setup.join('; ')}; __DRBD_NODE__="$1" "$2" -c "$3" dump all </dev/null >"$4.out" 2>"$4.err"; echo $? >"$4.rc"' sh '${r.node}' '${TOOLS[version]}' '${r.file}' '${dir}/${i}'`,
    );
  });
  writeFileSync(join(dir, 'run.sh'), `${lines.join('\n')}\n`);
  const r = spawnSync('sh', [join(dir, 'run.sh')], { encoding: 'utf8' });
  if (r.status !== 0)
    throw new Error(
      `running drbdadm failed (${r.status}): ${r.stderr} — the conformance tests need user namespaces`,
    );
  return runs.map((_, i) => ({
    rc: Number(readFileSync(join(dir, `${i}.rc`), 'utf8').trim()),
    stdout: readFileSync(join(dir, `${i}.out`), 'utf8'),
    stderr: readFileSync(join(dir, `${i}.err`), 'utf8'),
  }));
}
