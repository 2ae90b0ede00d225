import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { JsonFinding } from '@ftkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CodeAction,
  CodeActionKind,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type Hover,
  type Location,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ftkitBin, type Session, startSession } from './client.js';

// A scripted editor session against the BUILT server (node_modules/.bin/ftkit-language-server,
// which runs dist/), over stdio with vscode-languageserver-protocol's JSON-RPC client, on real
// configurations (test/fixtures/SOURCES.md). Diagnostics are compared with what the built `ftkit`
// CLI prints for the same files.

let ws: string;
let session: Session;
const uri = (rel: string) => pathToFileURL(join(ws, rel)).href;
const read = (rel: string) => readFileSync(join(ws, rel), 'utf8');

/** `ftkit lint --format json` of `rel` in the workspace, only the findings reported under `file`. */
function ftkitLint(rel: string, file = rel): JsonFinding[] {
  const run = spawnSync(ftkitBin, ['lint', '--format', 'json', '--root', ws, join(ws, rel)], {
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('');
  return (JSON.parse(run.stdout) as JsonFinding[]).filter((f) => f.file === join(ws, file));
}

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info' } as const;

/** A published LSP diagnostic in the shape of a `ftkit lint --format json` finding (1-based, end exclusive). */
function asFinding(rel: string, d: Diagnostic) {
  return {
    file: join(ws, rel),
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: SEVERITY[d.severity as 1 | 2 | 3],
    code: d.code,
    message: d.message,
    ...(d.codeDescription ? { url: d.codeDescription.href } : {}),
  };
}

const comparable = (f: JsonFinding) => ({
  file: f.file,
  line: f.line,
  column: f.column,
  endLine: f.endLine,
  endColumn: f.endColumn,
  severity: f.severity,
  code: f.code,
  message: f.message,
  ...(f.url !== undefined ? { url: f.url } : {}),
});

/** Opens `rel` (its text from disk) and returns the first diagnostics published for it. */
async function open(rel: string) {
  const published = session.diagnostics(uri(rel));
  await session.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: uri(rel), languageId: 'drbd-conf', version: 1, text: read(rel) },
  });
  return (await published).diagnostics;
}

/** The position of the `n`-th occurrence of `needle` in `rel` (plus `delta` characters). */
function positionOf(text: string, needle: string, delta = 0) {
  const offset = text.indexOf(needle);
  expect(offset, needle).toBeGreaterThanOrEqual(0);
  return TextDocument.create('x', 'x', 0, text).positionAt(offset + delta);
}

function apply(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('x', 'x', 0, text), [...edits]);
}

beforeAll(async () => {
  // A copy, so the edits below can also be written to disk for the CLI to compare with.
  ws = realpathSync(mkdtempSync(join(tmpdir(), 'ftkit-lsp-')));
  cpSync(join(import.meta.dirname, 'fixtures/workspace'), ws, { recursive: true });
  execFileSync('chmod', ['-R', 'u+w', ws]);
  session = startSession();
  const init = await session.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(ws).href,
    workspaceFolders: [{ uri: pathToFileURL(ws).href, name: 'configs' }],
    capabilities: {},
  });
  expect(init).toMatchObject({
    capabilities: {
      hoverProvider: true,
      definitionProvider: true,
      documentFormattingProvider: true,
      documentSymbolProvider: true,
    },
    serverInfo: { name: 'ftkit-language-server' },
  });
  await session.connection.sendNotification('initialized', {});
}, 60_000);

afterAll(async () => {
  if (session) expect(await session.close()).toBe(0);
  expect(session?.stderr() ?? '').toBe('');
});

describe('a scripted editor session over stdio', () => {
  it('publishes for an opened file exactly what `ftkit lint --format json` reports for it', async () => {
    const rel = 'drbd.d/global_common.conf';
    const published = await open(rel);
    const cli = ftkitLint(rel);
    expect(cli.length).toBeGreaterThan(3);
    expect(published.map((d) => asFinding(rel, d))).toEqual(cli.map(comparable));
    expect(published.find((d) => d.code === 'shared-secret-weak')?.codeDescription?.href).toMatch(
      /docs\/rules\/drbd-conf\/shared-secret-weak\.md$/,
    );
    // The shared secret of the file is never sent back.
    expect(JSON.stringify(published)).not.toContain('s3cr3t');
  });

  it('hovers an option with its table entry and what drbdadm makes of the value written', async () => {
    const rel = 'drbd.d/global_common.conf';
    const hover = (await session.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: uri(rel) },
      position: positionOf(read(rel), 'rate\t100M', 1),
    })) as Hover;
    const md = (hover.contents as { value: string }).value;
    expect(md).toContain('**`rate`** — `syncer` option');
    expect(md).toContain('- Range: 1–4194304 KiB/s');
    expect(md).toContain('drbdadm stores it as `resync-rate`');
    expect(md).toContain('Written here: drbdadm reads `100M` as 102400 KiB/s: within the range');
    // On a finding: the rule's documentation.
    const onFinding = (await session.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: uri(rel) },
      position: positionOf(read(rel), 'shared-secret', 2),
    })) as Hover;
    const text = (onFinding.contents as { value: string }).value;
    expect(text).toContain('**shared-secret-weak** (warning)');
    expect(text).toContain('docs/rules/drbd-conf/shared-secret-weak.md');
    expect(text).not.toContain('s3cr3t');
  });

  it('completes the options of the section for the detected DRBD version, and enum values', async () => {
    const rel = 'drbd.d/global_common.conf';
    const text = read(rel);
    const items = (await session.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: uri(rel) },
      position: positionOf(text, 'cram-hmac-alg'),
    })) as CompletionItem[];
    const labels = items.map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['after-sb-0pri', 'allow-two-primaries', 'ping-timeout']));
    expect(labels).not.toContain('on-io-error');
    expect(items.find((i) => i.label === 'timeout')?.detail).toBe('net option, default 60');
    const rel84 = '7layer/drbd.conf';
    const published = await open(rel84);
    expect(published.map((d) => asFinding(rel84, d))).toEqual(ftkitLint(rel84).map(comparable));
    const values = (await session.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: uri('7layer/drbd.conf') },
      position: positionOf(read('7layer/drbd.conf'), 'on-io-error pass_on', 'on-io-error '.length),
    })) as CompletionItem[];
    expect(values.map((i) => i.label)).toEqual(['pass_on', 'call-local-io-error', 'detach']);
  });

  it('goes to definition across an include, and lists the symbols of an included file', async () => {
    // drbd.conf includes drbd.d/postgres.res, which is not open yet: its findings are published
    // under it, as `ftkit lint drbd.conf` reports them.
    const included = session.diagnostics(uri('drbd.d/postgres.res'));
    await open('drbd.conf');
    expect((await included).diagnostics.map((d) => asFinding('drbd.d/postgres.res', d))).toEqual(
      ftkitLint('drbd.conf', 'drbd.d/postgres.res').map(comparable),
    );
    const text = read('drbd.conf');
    const targets = (await session.connection.sendRequest('textDocument/definition', {
      textDocument: { uri: uri('drbd.conf') },
      position: positionOf(text, '"drbd.d/*.res"', 3),
    })) as Location[];
    expect(targets.map((t) => t.uri)).toEqual([uri('drbd.d/postgres.res')]);
    const common = (await session.connection.sendRequest('textDocument/definition', {
      textDocument: { uri: uri('drbd.conf') },
      position: positionOf(text, 'global_common.conf'),
    })) as Location[];
    expect(common.map((t) => t.uri)).toEqual([uri('drbd.d/global_common.conf')]);
    await open('drbd.d/postgres.res');
    const symbols = (await session.connection.sendRequest('textDocument/documentSymbol', {
      textDocument: { uri: uri('drbd.d/postgres.res') },
    })) as DocumentSymbol[];
    expect(symbols.map((s) => [s.name, s.children?.map((c) => c.name)])).toEqual([
      ['resource drbd_psql', ['on ngenio', 'on phantom']],
    ]);
  });

  it('formats through the descriptor: the edits give what `ftkit fmt` prints', async () => {
    const rel = '7layer/drbd.conf';
    const edits = (await session.connection.sendRequest('textDocument/formatting', {
      textDocument: { uri: uri(rel) },
      options: { tabSize: 4, insertSpaces: true },
    })) as TextEdit[];
    expect(edits.length).toBeGreaterThan(0);
    const fmt = spawnSync(ftkitBin, ['fmt', join(ws, rel)], { encoding: 'utf8' });
    expect(fmt.status).toBe(0);
    expect(apply(read(rel), edits)).toBe(fmt.stdout);
    // Range formatting: only the edits that touch the range (here the `net` section's lines).
    const text = read(rel);
    const range = { start: positionOf(text, 'net {'), end: positionOf(text, 'allow-two-primaries') };
    const partial = (await session.connection.sendRequest('textDocument/rangeFormatting', {
      textDocument: { uri: uri(rel) },
      range,
      options: { tabSize: 4, insertSpaces: true },
    })) as TextEdit[];
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(edits.length);
    for (const e of partial) {
      expect(e.range.end.line).toBeGreaterThanOrEqual(range.start.line);
      expect(e.range.start.line).toBeLessThanOrEqual(range.end.line);
    }
    expect(edits).toEqual(expect.arrayContaining(partial));
  });

  it('applies a fix as a code action, edits, and receives updated diagnostics equal to the CLI', async () => {
    const rel = '7layer/drbd.conf';
    const text = read(rel);
    const start = positionOf(text, 'outdate-peer');
    const actions = (await session.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uri(rel) },
      range: { start, end: start },
      context: { diagnostics: [] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.kind === CodeActionKind.QuickFix);
    expect(fix?.diagnostics?.[0]?.code).toBe('outdate-peer-handler');
    const migrate = actions.find((a) => a.kind === CodeActionKind.RefactorRewrite);
    expect(migrate?.title).toBe('Migrate resource `repdata` to DRBD 9');
    const migrated = apply(text, migrate!.edit!.changes![uri(rel)]!);
    expect(migrated).not.toMatch(/\bsyncer\s*\{/);
    expect(migrated).toContain('fence-peer');
    const fixed = apply(text, fix!.edit!.changes![uri(rel)]!);
    expect(fixed).toContain('fence-peer');
    // The editor applies the edit and sends it back as a change of the document.
    const updated = session.diagnostics(uri(rel), 2);
    await session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uri(rel), version: 2 },
      contentChanges: [{ text: fixed }],
    });
    const after = (await updated).diagnostics;
    expect(after.map((d) => d.code)).not.toContain('outdate-peer-handler');
    writeFileSync(join(ws, rel), fixed);
    expect(after.map((d) => asFinding(rel, d))).toEqual(ftkitLint(rel).map(comparable));
    // Then one character typed: `protocol C` becomes `protocol D`, an error drbdadm reports too.
    const at = positionOf(fixed, 'protocol C', 'protocol '.length);
    const typed = session.diagnostics(uri(rel), 3);
    await session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uri(rel), version: 3 },
      contentChanges: [{ range: { start: at, end: { ...at, character: at.character + 1 } }, text: 'D' }],
    });
    const third = (await typed).diagnostics;
    writeFileSync(join(ws, rel), fixed.replace('protocol C', 'protocol D'));
    const cli = ftkitLint(rel);
    expect(cli.some((f) => f.severity === 'error')).toBe(true);
    expect(third.map((d) => asFinding(rel, d))).toEqual(cli.map(comparable));
  });

  it('lints again, as ftkit lint would, when a config file appears on disk', async () => {
    const rel = 'drbd.d/global_common.conf';
    writeFileSync(join(ws, 'ftkit.config.json'), JSON.stringify({ rules: { 'shared-secret-weak': 'off' } }));
    let next = session.diagnostics(uri(rel), 1);
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uri('ftkit.config.json'), type: 1 }],
    });
    // The edits above also scheduled this document to be linted again (it might include them):
    // a publish of that may come first, so wait (a few publishes at most) for the config's effect.
    let after = (await next).diagnostics;
    for (let i = 0; i < 3 && after.some((d) => d.code === 'shared-secret-weak'); i++) {
      next = session.diagnostics(uri(rel), 1);
      after = (await next).diagnostics;
    }
    expect(after.map((d) => d.code)).not.toContain('shared-secret-weak');
    expect(after.map((d) => asFinding(rel, d))).toEqual(ftkitLint(rel).map(comparable));
  });

  it('lints an open drbd.conf again when a file it includes is edited in the editor', async () => {
    const rel = 'drbd.d/postgres.res';
    const relinted = session.diagnostics(uri('drbd.conf'), 1);
    const own = session.diagnostics(uri(rel), 2);
    await session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uri(rel), version: 2 },
      contentChanges: [
        { text: read(rel).replace('meta-disk internal;', 'meta-disk internal;\n    protocol D;') },
      ],
    });
    expect((await own).diagnostics.some((d) => d.severity === 1)).toBe(true);
    expect((await relinted).diagnostics).toEqual([]);
  });
});
