import { fc } from '@fast-check/vitest';
import type { DrbdConfig } from '../src/index.js';

/** One invalid change to a valid model; `pick` chooses the resource and host. */
export type Mutation = { kind: 'port' | 'protocol' | 'unknown-option' | 'duplicate-section'; pick: number };
/** Random invalid changes of every kind. */
export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('port', 'protocol', 'unknown-option', 'duplicate-section'),
  pick: fc.nat(1000),
});

/** The mutated model and the path the builder must name. */
export function mutate(model: DrbdConfig, m: Mutation): { model: DrbdConfig; path: string } {
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
