import { describe, expect, it } from 'vitest';
import { emitProcDrbd, events2ToStatus, lint, parse, parseEvents2, parseProcDrbd } from '../src/index.js';
import { readFixture } from './helpers.js';

const head83 =
  'version: 8.3.8 (api:88/proto:86-94)\nGIT-hash: d78846e52224fd00562f7c225bcc25b2d422321d build by x@y, 2010-06-04 08:04:09\n';

describe('rarer /proc/drbd lines round-trip', () => {
  it('8.3.8 queue_delay suffix and want', () => {
    const text = `${head83} 0: cs:SyncTarget ro:Secondary/Primary ds:Inconsistent/UpToDate C r----\n    ns:0 nr:1024 dw:1024 dr:0 al:0 bm:1 lo:0 pe:0 ua:0 ap:0 ep:1 wo:b oos:4096\n\t[==========>.........] sync'ed: 55.0% (4096/9216)K queue_delay: 0.3 ms\n\tfinish: 0:00:01 speed: 1,024 (1,024) want: 2,048 K/sec\n`;
    const r = parseProcDrbd(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.model.devices[0]!.progress).toMatchObject({
      barSuffix: ' queue_delay: 0.3 ms',
      want: 2048,
      speed: 1024,
    });
    expect(emitProcDrbd(r.model)).toBe(text);
  });

  it('8.2.5 verify line with oos bits, 8.2.2 with blanks around the slash', () => {
    for (const [v, line] of [
      ['8.2.5 (api:88/proto:86-88)', '\t 12% oos:0  1024/8192\n'],
      ['8.2.3 (api:88/proto:86-88)', '\t 12% oos:4  1024 / 8192 \n'],
    ] as const) {
      const text = `version: ${v}\nGIT-hash: 0 build by a@b, 2008-01-01 00:00:00\n 0: cs:VerifyS st:Primary/Secondary ds:UpToDate/UpToDate C r---\n    ns:0 nr:0 dw:0 dr:0 al:0 bm:0 lo:0 pe:0 ua:0 ap:0\n${line}`;
      const r = parseProcDrbd(text);
      expect(r.diagnostics).toEqual([]);
      expect(r.model.devices[0]!.oldVerify).toMatchObject({ percent: 12, done: 1024, total: 8192 });
      expect(emitProcDrbd(r.model)).toBe(text);
    }
  });

  it('proc_details=2 LRU element dump of 8.2.6–8.4.4 is kept', () => {
    const text = `${head83} 0: cs:Connected ro:Primary/Secondary ds:UpToDate/UpToDate C r----\n    ns:0 nr:0 dw:0 dr:0 al:0 bm:0 lo:0 pe:0 ua:0 ap:0 ep:1 wo:b oos:0\n\tresync: used:0/61 hits:0 misses:0 starving:0 dirty:0 changed:0\n\tact_log: used:1/257 hits:5 misses:1 starving:0 dirty:0 changed:1\n\tnn: lc_number refcnt rs_left\n \t 0: FREE\n\t 1:    7    0        0 NO_WRITES\n 1: cs:Unconfigured\n`;
    const r = parseProcDrbd(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.model.devices[0]!.lruDump).toEqual([
      '\tnn: lc_number refcnt rs_left',
      ' \t 0: FREE',
      '\t 1:    7    0        0 NO_WRITES',
    ]);
    expect(r.model.devices.map((d) => d.minor)).toEqual([0, 1]);
    expect(emitProcDrbd(r.model)).toBe(text);
  });

  it('DRBD 9 compat: finish ∞ and negative speed', () => {
    const text = readFixture('proc-9.2.16-compat84-synctarget.txt').replace(
      'finish: 0:00:16 speed: 24,576',
      'finish: ∞ speed: -1,234',
    );
    const r = parseProcDrbd(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.model.devices[0]!.progress).toMatchObject({ finishSeconds: null, speed: -1234 });
    expect(emitProcDrbd(r.model)).toBe(text);
    expect(parse(text).model.resources[0]!.connections[0]!.peerDevices[0]!.sync).toMatchObject({
      etaSeconds: null,
      speedBytesPerSecond: -1234 * 1024,
    });
  });

  it('unknown indented lines are kept as text with an info diagnostic', () => {
    const text = `${head83} 0: cs:Connected ro:Primary/Secondary ds:UpToDate/UpToDate C r----\n    ns:0 nr:0 dw:0 dr:0 al:0 bm:0 lo:0 pe:0 ua:0 ap:0 ep:1 wo:b oos:0 xx:7\n\tsomething new: 1\n`;
    const r = parseProcDrbd(text);
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.message])).toEqual([
      ['info', 'drbd-status/unknown-line', 'Unknown detail line `something new: 1` (kept as text)'],
    ]);
    expect(r.model.devices[0]!.extraCounters).toEqual([['xx', '7']]);
    expect(emitProcDrbd(r.model)).toBe(text);
  });
});

describe('events2 rarities', () => {
  it('old `- skipped N` lines and rename', () => {
    const { model: events, diagnostics: problems } = parseEvents2(
      'exists resource name:a role:Secondary suspended:no\n- skipped 3\nrename resource name:a new_name:b\nexists -\n',
    );
    expect(problems).toEqual([]);
    expect(events.map((e) => e.action)).toEqual(['exists', 'skipped', 'rename', 'exists']);
    expect(events[1]!.fields.count).toBe('3');
    const st = events2ToStatus(
      parseEvents2('exists resource name:a role:Secondary suspended:no\nrename resource name:a new_name:b\n')
        .model,
    );
    expect(st.resources.map((r) => r.name)).toEqual(['b']);
  });
  it('reports unreadable lines and keeps going', () => {
    const { model: events, diagnostics: problems } = parseEvents2(
      'garbage\nexists resource name:a role:Primary suspended:no nocolon\n',
    );
    expect(events).toHaveLength(1);
    expect(problems.map((p) => [p.position.start.line, p.message])).toEqual([
      [1, 'Expected `ACTION OBJECT key:value …`, found `garbage`'],
      [2, 'Expected `key:value`, found `nocolon`'],
    ]);
  });
  it('a split-brain helper call is an error finding', () => {
    const text =
      'exists resource name:r0 role:Primary suspended:no\nexists -\ncall helper name:r0 peer-node-id:1 conn-name:b volume:0 helper:pri-lost-after-sb\n';
    expect(lint(text).diagnostics.map((d) => `${d.position.start.line} ${d.severity} ${d.message}`)).toEqual([
      '3 error Split brain on `r0`: the kernel called the `pri-lost-after-sb` handler',
    ]);
  });
  it('a resync at 0 % without speed is not stalled; part-way through it is', () => {
    const base =
      'exists resource name:r0 role:Primary suspended:no\nexists connection name:r0 peer-node-id:1 conn-name:b connection:Connected role:Secondary\n';
    const pd = (done: string) =>
      `exists peer-device name:r0 peer-node-id:1 conn-name:b volume:0 replication:SyncSource peer-disk:Inconsistent resync-suspended:no done:${done} dbdt1:0.00 eta:nan\nexists -\n`;
    expect(lint(base + pd('0.00')).diagnostics.filter((d) => d.code === 'resync-stalled')).toEqual([]);
    expect(lint(base + pd('12.50')).diagnostics.filter((d) => d.code === 'resync-stalled')).toHaveLength(1);
  });
});
