import { memoryReader } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/index.js';

// `reader`: where lintText reads included files (the language server reads the editor's unsaved
// buffers through it). Nothing here touches the disk: the files exist only in the reader.
describe('lintText with a reader', () => {
  const files = {
    '/cfg/drbd.d/r0.res': 'resource r0 {\n  net { protocol D; }\n}\n',
  };

  it('reads included files through it and reports their findings as results of their own', async () => {
    const results = await lintText('include "drbd.d/*.res";\n', {
      filePath: '/cfg/drbd.conf',
      cwd: '/cfg',
      config: false,
      root: '/cfg',
      reader: { ...memoryReader(files), root: '/cfg' },
    });
    expect(results.map((r) => [r.filePath, r.includedBy])).toEqual([
      ['/cfg/drbd.conf', undefined],
      ['/cfg/drbd.d/r0.res', '/cfg/drbd.conf'],
    ]);
    expect(results[1]?.diagnostics.some((d) => d.severity === 'error' && d.message.includes('`D`'))).toBe(
      true,
    );
  });

  it('keeps `root`: an include outside it is refused even when the reader has the file', async () => {
    const results = await lintText('include "/elsewhere/x.res";\n', {
      filePath: '/cfg/drbd.conf',
      cwd: '/cfg',
      config: false,
      root: '/cfg',
      reader: { ...memoryReader({ '/elsewhere/x.res': 'resource x { }\n' }), root: '/cfg' },
    });
    expect(results[0]?.diagnostics.map((d) => d.message)).toEqual([
      'Include `/elsewhere/x.res` points outside the allowed root `/cfg`',
    ]);
  });
});
