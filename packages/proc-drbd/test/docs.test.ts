import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
  it.each(Object.keys(rules))('docs/proc-drbd.md links rule %s', (id) => {
    expect(page).toContain(`(rules/proc-drbd/${id}.md)`);
  });
});
