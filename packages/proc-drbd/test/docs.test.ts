import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../src/diagnostics.js';
import { diagnosticCodes, metricFamilies, rules } from '../src/index.js';

const root = join(import.meta.dirname, '../../..');
const page = readFileSync(join(root, 'docs/proc-drbd.md'), 'utf8');
const readme = readFileSync(join(import.meta.dirname, '../README.md'), 'utf8');

describe('docs stay in step with the code', () => {
  it.each(metricFamilies.map((m) => m.name))('docs/proc-drbd.md lists metric %s', (name) => {
    expect(page).toContain(`| \`${name}\` |`);
  });
  it.each(Object.keys(diagnosticCodes))('docs/proc-drbd.md and the README list code %s', (code) => {
    expect(page).toContain(`| \`${code}\` |`);
    expect(readme).toContain(`\`${code}\``);
  });
  it('every code the source writes is in diagnosticCodes, as `drbd-status/<kebab-id>`', () => {
    const src = join(import.meta.dirname, '../src');
    const written = new Set<string>();
    for (const f of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
      if (!f.endsWith('.ts') || f === 'diagnostics.ts') continue;
      for (const m of readFileSync(join(src, f), 'utf8').matchAll(/'(drbd-status\/[^']*)'/g))
        written.add(m[1]!);
    }
    written.add('drbd-status/too-many-problems'); // made by the collector from CODE_PREFIX
    expect([...written].sort()).toEqual([...Object.keys(diagnosticCodes), ...Object.keys(errorCodes)].sort());
    for (const code of written) expect(code).toMatch(/^drbd-status\/[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
  it.each(Object.keys(errorCodes))('docs/proc-drbd.md lists error code %s', (code) => {
    expect(page).toContain(`| \`${code}\` |`);
  });
  it.each(Object.keys(rules))('docs/proc-drbd.md links rule %s', (id) => {
    expect(page).toContain(`(rules/proc-drbd/${id}.md)`);
  });
});
