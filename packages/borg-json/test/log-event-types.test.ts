import { describe, expect, expectTypeOf, it } from 'vitest';
import { type LogEvent, logEventObject, parseLog } from '../src/index.js';

// `LogEvent` is a union discriminated by `type`: narrowing gives each member's own fields. The
// type assertions are checked by `tsc` (test/ is type-checked); the runtime checks pin the data.
describe('LogEvent narrows on type', () => {
  const text = [
    '{"type": "log_message", "time": 1.5, "message": "hello", "levelname": "WARNING", "name": "borg.archiver", "msgid": "FileChangedWarning"}',
    '{"type": "file_status", "status": "A", "path": "etc/hosts"}',
    '{"type": "no_such_type", "x": 1}',
    'plain text',
  ].join('\n');
  const events: LogEvent[] = parseLog(`${text}\n`).records.map((r) => r.event);

  it('log_message gives a string message', () => {
    const e = events[0]!;
    if (e.type !== 'log_message') throw new Error(`expected log_message, got ${e.type}`);
    expectTypeOf(e.message).toEqualTypeOf<string>();
    expectTypeOf(e.levelname).toEqualTypeOf<'DEBUG' | 'INFO' | 'WARNING' | 'ERROR' | 'CRITICAL'>();
    expect(e.message).toBe('hello');
  });

  it('file_status gives status and path', () => {
    const e = events[1]!;
    if (e.type !== 'file_status') throw new Error(`expected file_status, got ${e.type}`);
    expectTypeOf(e.path).toEqualTypeOf<string>();
    expect([e.status, e.path]).toEqual(['A', 'etc/hosts']);
  });

  it('an unknown object type is wrapped, and logEventObject gives it back as written', () => {
    const e = events[2]!;
    if (e.type !== 'unknown') throw new Error(`expected unknown, got ${e.type}`);
    expectTypeOf(e.objectType).toEqualTypeOf<string>();
    expect(e.objectType).toBe('no_such_type');
    expect(logEventObject(e)).toEqual({ type: 'no_such_type', x: 1 });
  });

  it('plain text has its text', () => {
    const e = events[3]!;
    if (e.type !== 'text') throw new Error(`expected text, got ${e.type}`);
    expectTypeOf(e.text).toEqualTypeOf<string>();
    expect(e.text).toBe('plain text');
    expect(logEventObject(e)).toBeUndefined();
  });
});
