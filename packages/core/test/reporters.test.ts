import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  checkstyle,
  DiagnosticCollector,
  type FileReport,
  github,
  json,
  junit,
  reporters,
  sarif,
  stylish,
  toJsonFindings,
} from '../src/index.js';

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
    await expect(stylish(sample(), { fixHint: '--fix' })).toMatchFileSnapshot('__snapshots__/stylish.txt');
    // Only a command that can fix says so.
    expect(stylish(sample())).not.toContain('can be fixed');
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

describe('CI reporters', () => {
  const base = '/work/repo';
  const reports = (): FileReport[] => [
    { ...sample()[0]!, path: '/work/repo/etc/drbd.d/r0.res' },
    { file: 'etc/fstab', path: '/work/repo/etc/fstab', diagnostics: [] },
    { file: '../outside.res', path: '/work/outside.res', diagnostics: outside() },
  ];
  function outside() {
    const c = new DiagnosticCollector(text, '@ftkit/drbd-conf', '../outside.res');
    c.error('UNEXPECTED_TOKEN', 'Expected `;`, found `}`', { start: 52, end: 53 });
    return c.items;
  }

  it('sarif: URIs relative to base with originalUriBaseIds, stable fingerprints', () => {
    const log = JSON.parse(sarif(reports(), { base }));
    const run = log.runs[0];
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///work/repo/' } });
    const uris = run.results.map(
      (r: { locations: { physicalLocation: { artifactLocation: unknown } }[] }) =>
        r.locations[0]!.physicalLocation.artifactLocation,
    );
    expect(uris).toEqual([
      { uri: 'etc/drbd.d/r0.res', uriBaseId: '%SRCROOT%' },
      { uri: 'etc/drbd.d/r0.res', uriBaseId: '%SRCROOT%' },
      { uri: 'file:///work/outside.res' },
    ]);
    const prints = run.results.map(
      (r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['ftkit/v1'],
    );
    expect(new Set(prints).size).toBe(3);
    for (const p of prints) expect(p).toMatch(/^[0-9a-f]{16}:1$/);
    // Moving the finding down a line (same line text) keeps its fingerprint.
    const moved = '\n' + text;
    const shifted: FileReport[] = [
      {
        ...reports()[0]!,
        text: moved,
        diagnostics: reports()[0]!.diagnostics.map((d) => ({
          ...d,
          position: {
            start: { ...d.position.start, line: d.position.start.line + 1 },
            end: { ...d.position.end, line: d.position.end.line + 1 },
          },
        })),
      },
    ];
    const again = JSON.parse(sarif(shifted, { base })).runs[0].results;
    expect(
      again.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['ftkit/v1']),
    ).toEqual(prints.slice(0, 2));
  });

  it('github: one parseable workflow command per finding, paths relative to base', () => {
    const out = github(reports(), { base });
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const re =
      /^::(error|warning|notice) file=([^,]+),line=(\d+),endLine=(\d+),col=(\d+),endColumn=(\d+),title=([^:]+)::(.*)$/;
    for (const l of lines) expect(l).toMatch(re);
    expect(lines[0]).toBe(
      '::warning file=etc/drbd.d/r0.res,line=2,endLine=2,col=12,endColumn=13,title=net-protocol-invalid::Expected protocol `A`, `B` or `C`, found `D`. Only protocol C makes every write reach both disks before it completes',
    );
    expect(lines[2]).toMatch(/^::error file=\.\.\/outside\.res,/);
    expect(github([{ file: 'a', diagnostics: [] }])).toBe('');
    const nasty = new DiagnosticCollector('x', '@ftkit/t', 'a,b:c');
    nasty.error('T', '100% bad\nsecond line', { start: 0, end: 1 });
    expect(github([{ file: 'a,b:c', diagnostics: nasty.items }])).toBe(
      '::error file=a%2Cb%3Ac,line=1,endLine=1,col=1,endColumn=2,title=T::100%25 bad%0Asecond line\n',
    );
  });

  it('junit: valid XML, one testcase per file, failures for files with errors or warnings', () => {
    const out = junit(reports(), { base });
    expect(XMLValidator.validate(out)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testcase' }).parse(out);
    const suite = doc.testsuites.testsuite;
    expect(suite['@_tests']).toBe('3');
    expect(suite['@_failures']).toBe('2');
    expect(suite.testcase.map((c: Record<string, string>) => c['@_name'])).toEqual([
      'etc/drbd.d/r0.res',
      'etc/fstab',
      '../outside.res',
    ]);
    expect(suite.testcase[0].failure['#text']).toContain('2:12 warning Expected protocol');
    expect(suite.testcase[1].failure).toBeUndefined();
  });

  it('checkstyle: valid XML with one file element per file', () => {
    const nasty = new DiagnosticCollector('x', '@ftkit/t', 'a');
    nasty.error('T', 'bad <&> "quotes" \u0001 control', { start: 0, end: 1 });
    const out = checkstyle([...reports(), { file: 'a', diagnostics: nasty.items }], { base });
    expect(XMLValidator.validate(out)).toBe(true);
    const doc = new XMLParser({
      ignoreAttributes: false,
      isArray: (n) => n === 'file' || n === 'error',
    }).parse(out);
    const files = doc.checkstyle.file;
    expect(files.map((f: Record<string, string>) => f['@_name'])).toEqual([
      'etc/drbd.d/r0.res',
      'etc/fstab',
      '../outside.res',
      'a',
    ]);
    expect(files[0].error[0]).toMatchObject({
      '@_line': '2',
      '@_severity': 'warning',
      '@_source': 'ftkit.net-protocol-invalid',
    });
    expect(files[3].error[0]['@_message']).toBe('bad <&> "quotes" \uFFFD control');
  });

  it('every reporter is registered', () => {
    expect(Object.keys(reporters)).toEqual(['stylish', 'json', 'sarif', 'github', 'junit', 'checkstyle']);
  });
});
