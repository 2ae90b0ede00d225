import { describe, expect, it } from 'vitest';
import { drbdVersions, parseListen } from '../src/actions/exporter.js';

describe('ftkit exporter helpers', () => {
  it('reads --listen as HOST:PORT, [IPV6]:PORT or :PORT', () => {
    expect(parseListen('127.0.0.1:9942')).toEqual({ host: '127.0.0.1', port: 9942 });
    expect(parseListen('[::1]:9942')).toEqual({ host: '::1', port: 9942 });
    expect(parseListen(':9942')).toEqual({ host: undefined, port: 9942 });
    expect(parseListen('localhost:0')).toEqual({ host: 'localhost', port: 0 });
    for (const bad of ['9942', 'host:', 'host:65536', '::1:9942', 'a:b:9942'])
      expect(() => parseListen(bad), bad).toThrow(`Invalid --listen \`${bad}\``);
  });

  it('reads the versions from `drbdadm --version` as drbd-reactor does; 0.0.0 is no module', () => {
    // drbdadm 9.22.0 of this machine, without a kernel module
    const noModule = [
      'DRBDADM_BUILDTAG=GIT-hash:\\ 409097fe02187f83790b88ac3e0d94f3c167adab\\ reproducible\\ build\\,\\ 2023-01-09\\ 14:51:18',
      'DRBDADM_API_VERSION=2',
      'DRBD_KERNEL_VERSION_CODE=0x000000',
      'DRBD_KERNEL_VERSION=0',
      'DRBDADM_VERSION_CODE=0x091600',
      'DRBDADM_VERSION=9.22.0',
    ].join('\n');
    expect(drbdVersions(noModule)).toEqual({ utils: '9.22.0' });
    expect(drbdVersions('DRBD_KERNEL_VERSION_CODE=0x09020d\nDRBDADM_VERSION_CODE=0x091e00\n')).toEqual({
      kmod: '9.2.13',
      utils: '9.30.0',
    });
    expect(drbdVersions('')).toEqual({});
  });
});
