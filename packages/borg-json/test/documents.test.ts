import { formatDiagnosticLine } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import { emit, parse } from '../src/documents/parse.js';
import { fixture, fixtureFiles } from './helpers.js';

const docs = fixtureFiles((f) => f.endsWith('.json') && !f.endsWith('commands.json'));

describe('every captured --json document', () => {
  it('has fixtures', () => expect(docs.length).toBeGreaterThan(40));
  it.each(docs)('%s parses without errors and re-emits byte-identical', (rel) => {
    const text = fixture(rel);
    const r = parse(text, { fileName: rel });
    expect(r.diagnostics.map(formatDiagnosticLine)).toEqual([]);
    expect(r.model).toBeDefined();
    expect(r.model!.major).toBe(rel.startsWith('2.0') ? 2 : 1);
    expect(emit(r.model!)).toBe(text);
  });
});
