import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { BuildError, type DrbdConfig, drbd, emit } from '../../src/index.js';
import { configArb } from '../arbitraries.js';
import { runDrbdadm } from './drbdadm.js';

// Models from the arbitraries pass the builder and drbdadm 9 accepts them; the same models with
// one invalid change are refused by the builder, naming the changed field, and by drbdadm.

type Mutation = { kind: 'port' | 'protocol' | 'unknown-option' | 'duplicate-section'; pick: number };
const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('port', 'protocol', 'unknown-option', 'duplicate-section'),
  pick: fc.nat(1000),
});

/** The mutated model and the path the builder must name. */
function mutate(model: DrbdConfig, m: Mutation): { model: DrbdConfig; path: string } {
  const c = structuredClone(model);
  const ri = m.pick % c.resources.length;
  const r = c.resources[ri]!;
  const at = `resources[${ri}]`;
  switch (m.kind) {
    case 'port': {
      const h = m.pick % r.hosts.length;
      r.hosts[h]!.address!.port = String(65536 + m.pick);
      return { model: c, path: `${at}.hosts[${h}].address.port` };
    }
    case 'protocol': {
      let si = r.sections.findIndex((s) => s.kind === 'net');
      if (si < 0) si = r.sections.push({ kind: 'net', options: [] }) - 1;
      const net = r.sections[si]!;
      net.options = net.options.filter((o) => o.name !== 'protocol');
      const oi = net.options.push({ name: 'protocol', value: 'D' }) - 1;
      return { model: c, path: `${at}.sections[${si}].options[${oi}].value` };
    }
    case 'unknown-option': {
      const si = r.sections.push({ kind: 'options', options: [] }) - 1;
      r.sections = r.sections.filter((s, i) => s.kind !== 'options' || i === si);
      const last = r.sections.length - 1;
      r.sections[last]!.options.push({ name: 'no-such-option', value: 'yes' });
      return { model: c, path: `${at}.sections[${last}].options[0].name` };
    }
    case 'duplicate-section': {
      const si = r.sections.push({ kind: 'startup', options: [] }, { kind: 'startup', options: [] }) - 1;
      return { model: c, path: `${at}.sections[${si}]` };
    }
  }
}

describe('builders agree with drbdadm 9 on random models', () => {
  const samples = fc.sample(fc.tuple(configArb, mutationArb), { numRuns: 40, seed: 20261207 });
  const dir = mkdtempSync(join(tmpdir(), 'ftkit-drbd-build-'));
  const write = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const mutated = samples.map(([m, mu]) => mutate(m, mu));
  const files = samples.flatMap(([m], i) => [
    write(`ok${i}.res`, emit(m)),
    // the mutated model written without the builder, to ask drbdadm about it
    write(`bad${i}.res`, emit(mutated[i]!.model)),
  ]);
  const runs = runDrbdadm(files, '9');

  it('accepts what the builder accepts', () => {
    samples.forEach(([m], i) => {
      const built = drbd.config(m);
      expect(emit(built)).toBe(emit(m));
      expect(runs[2 * i]!.rc, runs[2 * i]!.stderr).toBe(0);
    });
  });
  it('refuses what the builder refuses, and the builder names the changed field', () => {
    expect(new Set(samples.map(([, mu]) => mu.kind)).size, 'every kind of mutation is tried').toBe(4);
    samples.forEach(([, mu], i) => {
      const { model, path } = mutated[i]!;
      let error: unknown;
      try {
        drbd.config(model);
      } catch (e) {
        error = e;
      }
      expect(error, mu.kind).toBeInstanceOf(BuildError);
      expect(
        (error as BuildError).issues.map((x) => x.path),
        mu.kind,
      ).toContain(path);
      expect(runs[2 * i + 1]!.rc, `${mu.kind}: drbdadm accepted\n${emit(model)}`).not.toBe(0);
    });
  });
});
