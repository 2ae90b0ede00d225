import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BorgDocument, parse, parseLog } from '@ftkit/borg-json';
import { describe, expect, it } from 'vitest';
import { borgOutcome } from '../src/outcome/outcome.js';
import { FIXTURES } from './helpers.js';

const OUT = join(import.meta.dirname, 'fixtures/outcome');

/** The verdict on a recorded run: log, stdout document (if any) and rc. */
function outcomeOf(dir: string, name: string, rc: number) {
  const log = readFileSync(join(dir, `${name}.log-json.jsonl`), 'utf8');
  const stdout = join(dir, `${name}.stdout.json`);
  const document = existsSync(stdout) ? parse(readFileSync(stdout, 'utf8')).model : undefined;
  return borgOutcome({
    rc,
    events: parseLog(log).records,
    ...(document ? { document: document as BorgDocument } : {}),
  });
}

const brief = (o: ReturnType<typeof borgOutcome>) => ({
  verdict: o.verdict,
  reasons: o.reasons.map(
    (r) =>
      `${r.severity} ${r.kind}${r.msgid ? ` ${r.msgid}` : ''}${r.path ? ` ${r.path.replace(/^.*\/data\//, 'data/')}` : ''}`,
  ),
});

// Recorded here with the real borg 1.2.4 and borg2 2.0.0b5 (test/conformance/outcome.test.ts,
// FTKIT_RECORD=1); runs.json holds each command line and its exit code.
describe.each(['borg', 'borg2'])('verdicts on real %s runs', (tool) => {
  const dir = join(OUT, tool);
  const runs = JSON.parse(readFileSync(join(dir, 'runs.json'), 'utf8')) as { name: string; rc: number }[];
  const rc = (name: string) => runs.find((r) => r.name === name)!.rc;
  const expected: Record<string, { verdict: string; reasons: string[] }> = {
    success: { verdict: 'success', reasons: [] },
    'file-changed': { verdict: 'warning', reasons: ['warning file-changed big/big.bin'] },
    'permission-denied': { verdict: 'warning', reasons: ['warning permission-denied data/secret.txt'] },
    'lock-timeout': { verdict: 'error', reasons: ['error error LockTimeout'] },
    'passphrase-wrong': { verdict: 'error', reasons: ['error error PassphraseWrong'] },
    sigterm: { verdict: 'error', reasons: ['error signal Signal.SIGTERM'] },
  };
  it('has every case with the exit code borg gave', () => {
    expect(runs.map((r) => [r.name, r.rc])).toEqual([
      ['success', 0],
      ['file-changed', 1],
      ['permission-denied', 1],
      ['lock-timeout', 2],
      ['passphrase-wrong', 2],
      ['sigterm', 143],
    ]);
  });
  for (const [name, want] of Object.entries(expected))
    it(name, () => expect(brief(outcomeOf(dir, name, rc(name)))).toEqual(want));

  it('reads the archive of create --json', () => {
    const o = outcomeOf(dir, 'success', 0);
    expect(o.archive).toMatchObject({ name: 'ok', files: 2 });
    expect(o.archive?.originalSize).toBeGreaterThan(0);
    expect(o.summary).toBe('success');
  });
  it('says what to do', () => {
    const o = outcomeOf(dir, 'lock-timeout', 2);
    expect(o.summary).toMatch(/^error: LockTimeout: Failed to create\/acquire the lock .*\(timeout\)\.$/);
    expect(o.reasons[0]?.advice).toMatch(/borg break-lock/);
    const s = outcomeOf(dir, 'sigterm', 143);
    expect(s.signal).toEqual({ number: 15, name: 'SIGTERM' });
    expect(s.rcMeaning).toBe('killed by signal 15');
  });
});

describe('borg2 retries', () => {
  it('count one warning per file, not one per retry', () => {
    const o = outcomeOf(join(OUT, 'borg2'), 'permission-denied', 1);
    expect([o.warnings, o.summary]).toEqual([1, 'warning: 1 permission denied']);
  });
});

describe('borg 1.1 (vorta fixtures)', () => {
  const real = (f: string) => readFileSync(join(FIXTURES, 'realworld', f), 'utf8');
  it('lock timeout, legacy rc 2', () => {
    const o = borgOutcome({ rc: 2, events: parseLog(real('vorta-create_lock.log.jsonl')).records });
    expect(brief(o)).toEqual({ verdict: 'error', reasons: ['error error LockTimeout'] });
    expect(o.reasons[0]?.line).toBe(1);
  });
  it('check without problems, rc 0', () => {
    const o = borgOutcome({ rc: 0, events: parseLog(real('vorta-check.log.jsonl')).records });
    expect(brief(o)).toEqual({ verdict: 'success', reasons: [] });
  });
  it('create --json document', () => {
    const o = borgOutcome({ rc: 0, document: parse(real('vorta-create.json')).model! });
    expect(o.archive?.files).toBeGreaterThan(0);
  });
});

// borg 1.4.0 captures with legacy and with modern exit codes (BORG_EXIT_CODES=modern), with
// the exit codes commands.json records for them.
describe('borg 1.4: legacy and modern exit codes', () => {
  const commands = JSON.parse(readFileSync(join(FIXTURES, '1.4/commands.json'), 'utf8')).commands as {
    outputs: { stream: string; file: string | null }[];
    exit_code: number;
  }[];
  const case14 = (file: string) => {
    const c = commands.find((x) => x.outputs.some((o) => o.file === file))!;
    return borgOutcome({
      rc: c.exit_code,
      events: parseLog(readFileSync(join(FIXTURES, '1.4', file), 'utf8')).records,
    });
  };
  it.each([
    ['errors/passphrase-wrong.log-json.jsonl', 2, 'error', ['error error PassphraseWrong']],
    [
      'errors-modern-exit-codes/passphrase-wrong.log-json.jsonl',
      52,
      'error',
      ['error error PassphraseWrong'],
    ],
    ['errors/lock-timeout.log-json.jsonl', 2, 'error', ['error error LockTimeout']],
    ['errors-modern-exit-codes/lock-timeout.log-json.jsonl', 73, 'error', ['error error LockTimeout']],
    [
      'errors/warning-source-missing.log-json.jsonl',
      1,
      'warning',
      ['warning file-not-found BackupFileNotFoundError data/does-not-exist'],
    ],
    [
      'errors-modern-exit-codes/warning-source-missing.log-json.jsonl',
      107,
      'warning',
      ['warning file-not-found BackupFileNotFoundError data/does-not-exist'],
    ],
    [
      'errors-modern-exit-codes/prompt-check-repair-no.log-json.jsonl',
      3,
      'error',
      ['error error CancelledByUser'],
    ],
  ])('%s (rc %i)', (file, rc, verdict, reasons) => {
    const o = case14(file);
    expect(o.rc).toBe(rc);
    expect(brief(o)).toEqual({ verdict, reasons });
  });
  it('names the modern code', () => {
    expect(case14('errors-modern-exit-codes/warning-source-missing.log-json.jsonl').rcMeaning).toBe(
      'warning: BackupFileNotFoundError',
    );
  });
});

describe('exit codes without a log', () => {
  it.each([
    [0, 'success', []],
    [1, 'warning', ['warning exit-code']],
    [2, 'error', ['error exit-code']],
    [52, 'error', ['error exit-code']],
    [100, 'warning', ['warning exit-code']],
    [127, 'warning', ['warning exit-code']],
    [130, 'error', ['error signal']],
    [143, 'error', ['error signal']],
  ])('rc %i is %s', (rc, verdict, reasons) => {
    expect(brief(borgOutcome({ rc }))).toEqual({ verdict, reasons });
  });
  it('a modern code names its class', () => {
    expect(borgOutcome({ rc: 52 }).summary).toBe(
      'error: borg exited with rc 52 (error: PassphraseWrong) and logged no error message',
    );
    expect(borgOutcome({ rc: 130 }).signal).toEqual({ number: 2, name: 'SIGINT' });
  });
  it('ignores warnings that are not about the backup (a prompt warning) and info lines', () => {
    const log = [
      '{"type": "log_message", "time": 1, "message": "GetPassWarning: …", "levelname": "WARNING", "name": "borg.logger"}',
      '{"type": "log_message", "time": 1, "message": "Remote: checked", "levelname": "INFO", "name": "borg.repository"}',
    ].join('\n');
    expect(brief(borgOutcome({ rc: 0, events: parseLog(log).records }))).toEqual({
      verdict: 'success',
      reasons: [],
    });
  });
});
