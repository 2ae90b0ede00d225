import { formatDiagnosticLine } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import { effectiveSettings, parse, parseKernelNumber } from '../src/index.js';
import { fixtures } from './helpers.js';

const lines = (text: string) => parse(text).diagnostics.map(formatDiagnosticLine);

describe('parse', () => {
  it('reads every fixture without parse diagnostics', () => {
    for (const [name, text] of fixtures()) expect(parse(text).diagnostics, name).toEqual([]);
  });

  it('removes quotes and keeps export and trailing comments out of values', () => {
    const text = `export O2CB_ENABLED="true"\nO2CB_STACK='pcmk'   # user stack\nO2CB_BOOTCLUSTER=a"b c"'d'\\ e\nX=a#b\nY= # empty\n`;
    const r = parse(text);
    expect({ ...r.model.variables }).toEqual({
      O2CB_ENABLED: 'true',
      O2CB_STACK: 'pcmk',
      O2CB_BOOTCLUSTER: 'ab cd e',
      X: 'a#b',
      Y: '',
    });
    const [a, b, c] = r.cst.lines;
    expect(a?.type === 'assignment' && a.exportKeyword?.text).toBe('export');
    expect(a?.type === 'assignment' && a.value.quoting).toBe('double');
    expect(b?.type === 'assignment' && b.comment?.text).toBe('# user stack');
    expect(c?.type === 'assignment' && c.value.quoting).toBe('mixed');
  });

  it('turns lines outside the subset into recovery nodes with positioned diagnostics', () => {
    expect(
      lines(
        'O2CB_ENABLED = true\nO2CB_STACK=two words\nO2CB_IDLE_TIMEOUT_MS=$(cat /x)\n[ -f /x ] && . /x\nA=1 B=2\nO2CB_BOOTCLUSTER="open\n',
      ),
    ).toMatchInlineSnapshot(`
      [
        "1:13-1:15 error o2cb/shell-syntax Expected \`=\` right after \`O2CB_ENABLED\`, found a space; the shell runs \`O2CB_ENABLED\` as a command",
        "2:16-2:21 error o2cb/shell-syntax Unexpected \`words\` after the value; the shell runs it as a command and does not set \`O2CB_STACK\` (quote values that contain spaces)",
        "3:22-3:23 warning o2cb/nonliteral-value Unexpected expansion \`$(\` in a value",
        "4:1-4:2 warning o2cb/unsupported-line Unexpected \`[\`; only \`NAME=value\` lines and comments can be read",
        "5:5-5:8 warning o2cb/unsupported-line Unexpected second assignment on the line; write one assignment per line",
        "6:18-6:23 error o2cb/shell-syntax Unterminated double quote",
      ]
    `);
  });

  it('reports nothing after a quote that is never closed: the shell reads the rest as its value', () => {
    expect(lines('O2CB_BOOTCLUSTER="open\nO2CB_IDLE_TIMEOUT_MS=$(cat /x)\n')).toEqual([
      '1:18-1:23 error o2cb/shell-syntax Unterminated double quote',
    ]);
  });

  it('sets nothing for recovery lines, like the shell for its failing lines', () => {
    const r = parse('O2CB_ENABLED=true\nO2CB_ENABLED = false\n');
    expect(r.model.variables.O2CB_ENABLED).toBe('true');
  });

  it('keeps a CR in the value, as the shell does', () => {
    const r = parse('O2CB_ENABLED=true\r\n');
    expect(r.model.variables.O2CB_ENABLED).toBe('true\r');
    expect(r.model.settings.enabled).toBe(false);
  });

  it('keeps `__proto__` and `constructor` as plain variable names', () => {
    const r = parse('__proto__=x\nconstructor=y\n');
    expect(Object.getPrototypeOf(r.model.variables)).toBeNull();
    expect(Object.entries(r.model.variables)).toEqual([
      ['__proto__', 'x'],
      ['constructor', 'y'],
    ]);
    expect(r.model.variables.constructor).toBe('y');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('computes what the kernel ends up using', () => {
    expect(effectiveSettings({})).toEqual({
      enabled: false,
      stack: 'o2cb',
      heartbeatThreshold: 31,
      idleTimeoutMs: 30000,
      keepaliveDelayMs: 2000,
      reconnectDelayMs: 2000,
    });
    const s = effectiveSettings({
      O2CB_ENABLED: 'true',
      O2CB_STACK: '',
      O2CB_BOOTCLUSTER: 'web',
      O2CB_HEARTBEAT_THRESHOLD: '2',
      O2CB_IDLE_TIMEOUT_MS: '1500',
      O2CB_KEEPALIVE_DELAY_MS: '40000',
      O2CB_RECONNECT_DELAY_MS: '0',
    });
    // threshold <= 2 ignored; idle <= keepalive(2000) refused; keepalive >= idle(30000) refused; 0 refused
    expect(s).toEqual({
      enabled: true,
      stack: 'o2cb',
      bootCluster: 'web',
      heartbeatThreshold: 31,
      idleTimeoutMs: 30000,
      keepaliveDelayMs: 2000,
      reconnectDelayMs: 2000,
    });
    expect(
      effectiveSettings({ O2CB_IDLE_TIMEOUT_MS: '60000', O2CB_KEEPALIVE_DELAY_MS: '40000' }).keepaliveDelayMs,
    ).toBe(40000);
  });
});

describe('kernel number parsing', () => {
  it('reads timeouts with base detection and the threshold in base 10', () => {
    const s = effectiveSettings({
      O2CB_HEARTBEAT_THRESHOLD: '031',
      O2CB_IDLE_TIMEOUT_MS: '0xEA60',
      O2CB_KEEPALIVE_DELAY_MS: '03720',
      O2CB_RECONNECT_DELAY_MS: '08000',
    });
    expect([s.heartbeatThreshold, s.idleTimeoutMs, s.keepaliveDelayMs, s.reconnectDelayMs]).toEqual([
      31, 60000, 2000, 2000,
    ]);
    expect(
      ['1', '0', '-1', '+5', '4294967294', '4294967295', '0x', '7 ', ''].map((v) =>
        parseKernelNumber(v, 'auto'),
      ),
    ).toEqual([1, undefined, undefined, undefined, 4294967294, undefined, undefined, undefined, undefined]);
  });
});

describe('tilde expansion', () => {
  it('flags `~` where the shell expands it and keeps it literal elsewhere', () => {
    const r = parse("A=~/x\nB=a:~\nC=a~b\nD='~'\nE=\\~\nF='a:'~\n");
    expect(r.diagnostics.map((d) => `${d.position.start.line}:${d.position.start.column} ${d.code}`)).toEqual(
      ['1:3 o2cb/nonliteral-value', '2:5 o2cb/nonliteral-value'],
    );
    expect({ ...r.model.variables }).toEqual({ C: 'a~b', D: '~', E: '~', F: 'a:~' });
  });
});
