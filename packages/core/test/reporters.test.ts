import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { DiagnosticCollector, type FileReport, json, sarif, stylish, toJsonFindings } from '../src/index.js';

const text = 'resource r0 {\n  protocol D;\n  net { shared-secret x }\n}\n';

function sample(): FileReport[] {
  const c = new DiagnosticCollector(text, '@ftkit/drbd-conf', 'etc/drbd.d/r0.res');
  c.error('UNEXPECTED_TOKEN', 'Expected `;`, found `}`', { start: 52, end: 53 });
  c.add({
    code: 'net-protocol-invalid',
    ruleId: 'net-protocol-invalid',
    severity: 'warning',
    message: 'Expected protocol `A`, `B` or `C`, found `D`',
    span: { start: 25, end: 26 },
    url: 'https://ftkit.dev/rules/drbd-conf/net-protocol-invalid',
    fix: { description: 'Use protocol C', edits: [{ start: 25, end: 26, text: 'C' }] },
    note: 'Only protocol C makes every write reach both disks before it completes',
  });
  const other = new DiagnosticCollector('', '@ftkit/fstab', '/etc/fstab');
  return [
    { file: 'etc/drbd.d/r0.res', diagnostics: c.items, text },
    { file: '/etc/fstab', diagnostics: other.items },
  ];
}

describe('reporters', () => {
  it('stylish groups by file, aligns columns and totals', async () => {
    await expect(stylish(sample())).toMatchFileSnapshot('__snapshots__/stylish.txt');
    expect(stylish([{ file: 'a', diagnostics: [] }])).toBe('');
  });

  it('stylish can show code frames and colours', () => {
    const out = stylish(sample(), { codeFrame: true, color: true });
    expect(out).toContain('\u001b[');
    expect(out).toContain('protocol D;');
    expect(out).toMatch(/\^/);
  });

  it('json has the documented stable shape', () => {
    const parsed = JSON.parse(json(sample()));
    expect(parsed).toEqual(toJsonFindings(sample()));
    expect(parsed[0]).toEqual({
      file: 'etc/drbd.d/r0.res',
      line: 2,
      column: 12,
      endLine: 2,
      endColumn: 13,
      severity: 'warning',
      code: 'net-protocol-invalid',
      ruleId: 'net-protocol-invalid',
      message: 'Expected protocol `A`, `B` or `C`, found `D`',
      note: 'Only protocol C makes every write reach both disks before it completes',
      url: 'https://ftkit.dev/rules/drbd-conf/net-protocol-invalid',
      fixable: true,
    });
    expect(parsed[1]).toMatchObject({ line: 3, column: 25, ruleId: null, fixable: false });
  });

  it('sarif validates against the SARIF 2.1.0 schema', () => {
    const schema = JSON.parse(
      readFileSync(new URL('./fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8'),
    );
    // The schema's `language` pattern is not a valid Unicode-mode regexp; ajv must compile it plainly.
    delete schema.$schema;
    const ajv = new Ajv({ strict: false, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    const log = JSON.parse(
      sarif(sample(), {
        toolVersion: '1.2.3',
        rules: [
          {
            id: 'net-protocol-invalid',
            description: 'Protocol must be A, B or C',
            defaultSeverity: 'warning',
          },
        ],
      }),
    );
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual([
      'net-protocol-invalid',
      'UNEXPECTED_TOKEN',
    ]);
    expect(run.tool.driver.rules[0].helpUri).toBe('https://ftkit.dev/rules/drbd-conf/net-protocol-invalid');
    expect(run.results[1]).toMatchObject({
      ruleId: 'UNEXPECTED_TOKEN',
      level: 'error',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'etc/drbd.d/r0.res', uriBaseId: '%SRCROOT%' },
            region: { startLine: 3, startColumn: 25, endLine: 3, endColumn: 26 },
          },
        },
      ],
    });
    expect(run.results[0].fixes[0].artifactChanges[0].replacements[0]).toEqual({
      deletedRegion: { charOffset: 25, charLength: 1 },
      insertedContent: { text: 'C' },
    });
  });
});
