import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseLog } from '@ftkit/borg-json';
import { describe, expect, it } from 'vitest';
import { borgOutcome } from '../../src/outcome/outcome.js';
import { requireTool } from './harness.js';
import { recordOutcomes } from './outcome-record.js';

const OUT = join(import.meta.dirname, '../fixtures/outcome');

describe.each(['borg', 'borg2'] as const)('recorded outcomes of real %s', (tool) => {
  it('records every case', async () => {
    requireTool(tool);
    const runs = await recordOutcomes(tool);
    if (process.env.FTKIT_RECORD === '1') {
      const dir = join(OUT, tool);
      mkdirSync(dir, { recursive: true });
      for (const r of runs) {
        writeFileSync(join(dir, `${r.name}.log-json.jsonl`), r.stderr);
        if (r.stdout.trim() !== '') writeFileSync(join(dir, `${r.name}.stdout.json`), r.stdout);
      }
      writeFileSync(
        join(dir, 'runs.json'),
        `${JSON.stringify(
          runs.map((r) => ({
            name: r.name,
            argv: r.argv.map((a) => a.replace(/\/tmp\/ftkit-[^/]+/, '/SCRATCH')),
            rc: r.rc,
          })),
          null,
          2,
        )}\n`,
      );
    }
    expect(runs.map((r) => [r.name, r.rc])).toEqual([
      ['success', 0],
      ['file-changed', 1],
      ['permission-denied', 1],
      ['lock-timeout', 2],
      ['passphrase-wrong', 2],
      ['sigterm', 143],
    ]);
    // The verdicts on the live runs, as the normal suite pins them on the recordings.
    const verdicts = runs.map((r) => {
      const doc = r.stdout.trim() !== '' ? parse(r.stdout).model : undefined;
      const o = borgOutcome({
        rc: r.rc,
        events: parseLog(r.stderr).records,
        ...(doc ? { document: doc } : {}),
      });
      return [r.name, o.verdict, o.reasons.map((x) => x.msgid ?? x.kind)];
    });
    expect(verdicts).toEqual([
      ['success', 'success', []],
      ['file-changed', 'warning', ['file-changed']],
      ['permission-denied', 'warning', ['permission-denied']],
      ['lock-timeout', 'error', ['LockTimeout']],
      ['passphrase-wrong', 'error', ['PassphraseWrong']],
      ['sigterm', 'error', ['Signal.SIGTERM']],
    ]);
  }, 300_000);
});
