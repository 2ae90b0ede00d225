import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ParseError } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import { dump, parse } from '../../src/index.js';
import { NODE, runDrbdadm, stripComments } from './drbdadm.js';

const dir = join(import.meta.dirname, '../fixtures/corpus');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.res'))
  .sort()
  .map((f) => join(dir, f));

const clean = (s: string) =>
  s
    .split('\n')
    .filter((l) => !/PRETENDING|found __DRBD_NODE__|modinfo|^\s*$/.test(l))
    .join('\n');

describe.each(['9', '8.4'] as const)('drbdadm %s conformance over the corpus', (version) => {
  const runs = runDrbdadm(files, version);
  it.each(files.map((f, i) => [f.slice(dir.length + 1), i] as const))('%s', (_name, i) => {
    const file = files[i]!;
    const run = runs[i]!;
    const r = parse(readFileSync(file, 'utf8'), { drbdVersion: version, fileName: file });
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    const ours = errors.length === 0;
    const theirs = run.rc === 0;
    expect(
      { accepted: ours },
      `ftkit: ${errors.map((d) => `${d.position.start.line}:${d.position.start.column} ${d.message}`).join(' | ') || 'accepted'}\ndrbdadm (${run.rc}): ${clean(run.stderr) || 'accepted'}`,
    ).toEqual({ accepted: theirs });
    // `dump` of the text throws for a file drbdadm rejects, and prints what drbdadm prints for
    // one it accepts
    const fromText = () =>
      dump(readFileSync(file, 'utf8'), { drbdVersion: version, host: NODE, fileName: file });
    if (theirs) expect(stripComments(fromText())).toBe(stripComments(run.stdout));
    else expect(fromText).toThrow(ParseError);
    if (ours) expect(stripComments(dump(r.model, { host: NODE }))).toBe(stripComments(run.stdout));
    else {
      // Where drbdadm names a line (not 0), one of our errors is on that line too.
      const m = new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+):`).exec(run.stderr);
      const line = m ? Number(m[1]) : 0;
      // drbdadm names the resource's first line for resource-wide checks; we point inside it.
      const li = r.files[0]!.diagnostics.lineIndex;
      const inResourceAt = (l: number) =>
        r.model.resources.some(
          (res) =>
            res.span &&
            li.positionOf(res.span).start.line === l &&
            errors.some((e) => e.span.start >= res.span!.start && e.span.end <= res.span!.end),
        );
      if (line > 0)
        expect(
          errors.some((d) => d.position.start.line === line) || inResourceAt(line),
          `drbdadm: ${clean(run.stderr)}`,
        ).toBe(true);
    }
  });
});
