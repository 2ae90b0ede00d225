import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { emit, fromSettings, parse } from '../../src/index.js';
import {
  expandHeredoc,
  fileArb,
  fixtures,
  GEN_NAMES,
  heredoc,
  requireTool,
  sourceWithShell,
} from '../helpers.js';

// Oracles: the shells that source the file (dash for Debian's config script, bash for the init
// script) and the two generators shipped by ocfs2-tools 1.8.7 (init script `write_sysconfig`,
// Debian postinst heredoc).

const INIT = '/etc/init.d/o2cb';
const POSTINST = '/var/lib/dpkg/info/ocfs2-tools.postinst';

/** Our reading must equal the shell's for every file without recovery lines. */
export function agreesWithShell(shell: string, text: string): boolean {
  const r = parse(text);
  if (r.cst.lines.some((l) => l.type === 'recovery')) return false;
  const got = sourceWithShell(shell, text, GEN_NAMES);
  for (const n of GEN_NAMES) {
    const ours = Object.hasOwn(r.model.variables, n) ? r.model.variables[n] : undefined;
    expect(ours, `${shell}: ${n} in ${JSON.stringify(text)}`).toBe(got.get(n));
  }
  return true;
}

describe('conformance with sh and bash', () => {
  it('reads every fixture as dash and bash do', () => {
    for (const [, text] of fixtures()) {
      expect(agreesWithShell('dash', text)).toBe(true);
      expect(agreesWithShell('bash', text)).toBe(true);
    }
  });

  it('leaves variables unset where the shell fails', () => {
    const text = 'O2CB_ENABLED = true\nO2CB_STACK=two words\n';
    const shell = sourceWithShell('dash', text, ['O2CB_ENABLED', 'O2CB_STACK']);
    const ours = parse(text).model.variables;
    expect([shell.get('O2CB_ENABLED'), shell.get('O2CB_STACK')]).toEqual([undefined, undefined]);
    expect([ours.O2CB_ENABLED, ours.O2CB_STACK]).toEqual([undefined, undefined]);
  });

  let compared = 0;
  test.prop([fileArb], { numRuns: 60 })('generated files: same values as dash', (text) => {
    if (agreesWithShell('dash', text)) compared++;
  });
  it('compared a meaningful share of generated files', () => {
    expect(compared).toBeGreaterThan(15);
  });
});

describe('conformance with the ocfs2-tools generators', () => {
  const settingsArb = fc.record({
    enabled: fc.boolean(),
    stack: fc.constantFrom('o2cb', 'pcmk'),
    bootCluster: fc.stringMatching(/^[A-Za-z0-9]{1,16}$/),
    heartbeatThreshold: fc.integer({ min: 7, max: 300 }),
    idleTimeoutMs: fc.integer({ min: 5000, max: 200000 }),
    keepaliveDelayMs: fc.integer({ min: 1000, max: 4999 }),
    reconnectDelayMs: fc.integer({ min: 2000, max: 9000 }),
  });

  it('init script write_sysconfig writes what emit({form: initscript}) writes', () => {
    requireTool(INIT, 'the o2cb init script');
    const body = heredoc(readFileSync(INIT, 'utf8'), /^\s*cat >"\$\{CONFIGURATION\}" <<EOF$/);
    for (const s of fc.sample(settingsArb, { numRuns: 25, seed: 7 })) {
      const model = fromSettings(s);
      expect(emit(model, { form: 'initscript' })).toBe(expandHeredoc(body, model.variables));
    }
  });

  it('Debian postinst writes what emit({form: debian}) writes', () => {
    requireTool(POSTINST, 'the Debian ocfs2-tools package');
    const body = heredoc(readFileSync(POSTINST, 'utf8'), /^\s*cat > \/etc\/default\/o2cb <<EOF$/);
    for (const s of fc.sample(settingsArb, { numRuns: 25, seed: 8 })) {
      const model = fromSettings(s);
      expect(emit(model, { form: 'debian' })).toBe(expandHeredoc(body, model.variables));
    }
  });
});
