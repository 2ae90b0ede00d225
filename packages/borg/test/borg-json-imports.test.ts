import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as primitives from '../../borg-json/src/primitives.js';

const src = join(import.meta.dirname, '../src');

/** The value (not type) names `@ftkit/borg`'s sources import from `@ftkit/borg-json`. */
function importedValues(): string[] {
  const names = new Set<string>();
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  for (const f of files) {
    const text = readFileSync(join(src, f), 'utf8');
    for (const m of text.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+'@ftkit\/borg-json'/g)) {
      if (m[1]) continue;
      for (const part of m[2]!.split(',')) {
        const name = part.trim();
        if (name !== '' && !name.startsWith('type ')) names.add(name.split(/\s+as\s+/)[0]!);
      }
    }
  }
  return [...names].sort();
}

describe('what @ftkit/borg takes from @ftkit/borg-json', () => {
  // The ftkit bundle resolves these imports to borg-json's zod-free primitives
  // (apps/lab/tsup.config.ts), so each must be there.
  it('is all in borg-json/src/primitives.ts', () => {
    const names = importedValues();
    expect(names.length).toBeGreaterThan(3);
    expect(names.filter((n) => !(n in primitives))).toEqual([]);
  });
});
