import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeRuleDocs } from '../../../test-support/rule-docs.js';
import { o2cbDefaultsFormat } from '../src/format.js';
import { lint } from '../src/index.js';

describeRuleDocs(o2cbDefaultsFormat);

describe('rules on the fixtures', () => {
  it('report exactly the documented problems of invalid-semantics.o2cb', () => {
    const text = readFileSync(new URL('./fixtures/invalid-semantics.o2cb', import.meta.url), 'utf8');
    const got = lint(text).diagnostics.map((d) => `${d.position.start.line} ${d.code}`);
    expect(got).toEqual([
      '6 enabled-literal',
      '9 stack-name',
      '12 bootcluster-format',
      '15 value-kernel-rejected',
      '18 timeout-below-minimum',
      '19 keepalive-not-below-idle',
      '22 value-kernel-rejected',
    ]);
  });

  it('find nothing in the generated and upstream files', () => {
    for (const f of [
      'debian-postinst-default.o2cb',
      'initscript-configure-written.o2cb',
      'upstream-vendor-sysconfig.o2cb',
      'hand-edited-pcmk-quoted.o2cb',
    ]) {
      const text = readFileSync(new URL(`./fixtures/${f}`, import.meta.url), 'utf8');
      expect(
        lint(text, { settings: { clusterNames: ['ocfs2', 'webcluster', 'hana'] } }).diagnostics,
        f,
      ).toEqual([]);
    }
  });

  it('explains the dead time in threshold messages and suggests typo fixes', () => {
    const d = lint('O2CB_HEARTBEAT_THRESHOLD=5\nO2CB_ENABELED=true\n').diagnostics;
    expect(d.map((x) => x.message)).toEqual([
      'Expected `O2CB_HEARTBEAT_THRESHOLD` of at least 7, found `5`: a node is declared dead after (5 − 1) × 2 s = 8 s without a disk heartbeat',
      'Unknown variable `O2CB_ENABELED`; did you mean `O2CB_ENABLED`?',
    ]);
    expect(lint('O2CB_ENABELED=true\n', { fix: true }).output).toBe('O2CB_ENABLED=true\n');
  });
});
