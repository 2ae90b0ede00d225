import { describe, expect, it } from 'vitest';
import { formatBytes, parseScaledNumber } from '../src/index.js';

describe('parseScaledNumber', () => {
  it('applies suffixes against the scale', () => {
    expect(parseScaledNumber('10M')?.value).toBe(10 * 1024 * 1024);
    expect(parseScaledNumber('10M', { scale: 'k' })?.value).toBe(10240);
    expect(parseScaledNumber('1G', { scale: 's' })?.value).toBe(2097152);
    expect(parseScaledNumber('1s')?.value).toBe(512);
    expect(parseScaledNumber('4096', { scale: 'k' })).toEqual({
      digits: '4096',
      suffix: '',
      value: 4096,
      exact: true,
    });
  });

  it('rounds a division up, as drbd-utils does', () => {
    expect(parseScaledNumber('3s', { scale: 'k' })?.value).toBe(2);
    expect(parseScaledNumber('1s', { scale: 'k' })?.value).toBe(1);
  });

  it('rejects what is not a suffixed integer', () => {
    for (const t of ['1.5M', '10MB', '10 M', '', 'M', '-1', '10x'])
      expect(parseScaledNumber(t)).toBeUndefined();
    expect(parseScaledNumber('-1', { allowNegative: true })?.value).toBe(-1);
    expect(parseScaledNumber('1T')).toBeUndefined();
    expect(parseScaledNumber('1T', { suffixes: ['T'] })?.value).toBe(2 ** 40);
  });

  it('marks values beyond the safe integer range as inexact', () => {
    expect(parseScaledNumber('99999999999G')?.exact).toBe(false);
  });

  it('formats bytes with binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(5 * 1024 ** 3)).toBe('5 GiB');
    expect(formatBytes(-2048)).toBe('-2 KiB');
  });
});
