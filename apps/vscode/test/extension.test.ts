import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import oniguruma from 'vscode-oniguruma';
import vsctm from 'vscode-textmate';

// The extension as VS Code gets it: packaged with @vscode/vsce from the built dist/ (turbo builds
// it before this task), its bundled server driven over stdio, and its TextMate grammars run by
// vscode-textmate (VS Code's own tokenizer) over real configurations.

const dir = resolve(import.meta.dirname, '..');
const root = resolve(dir, '../..');
const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
const realworld = join(root, 'packages/language-server/test/fixtures/workspace');

describe('vsce package', () => {
  it('packages the extension with the bundled client and server and the grammars, and no sources', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ftkit-vsix-')), 'ftkit.vsix');
    const vsce = join(root, 'node_modules/.bin/vsce');
    execFileSync(vsce, ['package', '--no-dependencies', '--skip-license', '--out', out], {
      cwd: dir,
      stdio: 'pipe',
    });
    expect(statSync(out).size).toBeGreaterThan(100_000);
    const files = execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: dir, encoding: 'utf8' })
      .trim()
      .split('\n')
      .sort();
    expect(files).toEqual([
      'README.md',
      'dist/extension.cjs',
      'dist/server.mjs',
      'language-configuration/drbd-conf.json',
      'language-configuration/ocfs2-cluster-conf.json',
      'language-configuration/shell-like.json',
      'package.json',
      'syntaxes/drbd-conf.tmLanguage.json',
      'syntaxes/ocfs2-cluster-conf.tmLanguage.json',
    ]);
    for (const g of manifest.contributes.grammars) expect(existsSync(join(dir, g.path)), g.path).toBe(true);
  });
});

describe('the bundled server (dist/server.mjs, what the client starts)', () => {
  it('answers initialize and publishes diagnostics for an opened drbd.conf', async () => {
    const child = spawn(process.execPath, [join(dir, 'dist/server.mjs'), '--stdio'], { stdio: 'pipe' });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
    });
    const exited = new Promise<number | null>((res) => child.on('exit', res));
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    const file = join(realworld, 'drbd.d/postgres.res');
    const uri = pathToFileURL(file).href;
    const published = new Promise<PublishDiagnosticsParams>((res) =>
      connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
        if (p.uri === uri) res(p);
      }),
    );
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(realworld).href,
      capabilities: {},
    });
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'drbd-conf', version: 1, text: readFileSync(file, 'utf8') },
    });
    expect((await published).diagnostics.map((d) => d.code)).toEqual([
      'split-brain-handler-missing',
      'verify-alg-missing',
    ]);
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    expect(await exited).toBe(0);
    connection.dispose();
    expect(stderr).toBe('');
  });
});

describe('TextMate grammars', () => {
  let registry: vsctm.Registry;
  beforeAll(async () => {
    const require = createRequire(import.meta.url);
    const wasm = readFileSync(join(require.resolve('vscode-oniguruma'), '../onig.wasm'));
    await oniguruma.loadWASM(
      wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer,
    );
    registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) => {
        const g = manifest.contributes.grammars.find((x: { scopeName: string }) => x.scopeName === scopeName);
        return g ? vsctm.parseRawGrammar(readFileSync(join(dir, g.path), 'utf8'), join(dir, g.path)) : null;
      },
    });
  });

  /** Each non-blank token of `text` as `text=innermost scope`. */
  async function tokens(scope: string, text: string): Promise<string[]> {
    const grammar = (await registry.loadGrammar(scope))!;
    let state = vsctm.INITIAL;
    const out: string[] = [];
    for (const line of text.split('\n')) {
      const r = grammar.tokenizeLine(line, state);
      for (const t of r.tokens) {
        const piece = line.slice(t.startIndex, t.endIndex).trim();
        if (piece) out.push(`${piece}=${t.scopes.at(-1)}`);
      }
      state = r.ruleStack;
    }
    return out;
  }

  it('colours a real drbd.conf: keywords, option names, values, strings and comments', async () => {
    const text = readFileSync(join(realworld, 'drbd.d/global_common.conf'), 'utf8');
    const t = await tokens('source.drbd-conf', text);
    expect(t).toEqual(
      expect.arrayContaining([
        '# this file is managed by puppet!=comment.line.number-sign.drbd-conf',
        'global=keyword.control.drbd-conf',
        'usage-count=variable.other.property.drbd-conf',
        'no=constant.language.drbd-conf',
        'net=keyword.control.drbd-conf',
        'cram-hmac-alg=variable.other.property.drbd-conf',
        'sha1=string.unquoted.drbd-conf',
        '"=string.quoted.double.drbd-conf',
        '100M=constant.numeric.drbd-conf',
        ';=punctuation.terminator.statement.drbd-conf',
      ]),
    );
    const res = await tokens(
      'source.drbd-conf',
      readFileSync(join(realworld, 'drbd.d/postgres.res'), 'utf8'),
    );
    expect(res).toEqual(
      expect.arrayContaining([
        'resource=keyword.control.drbd-conf',
        'on=keyword.control.drbd-conf',
        '169.254.0.1:7792=constant.numeric.address.drbd-conf',
        'internal=constant.language.drbd-conf',
      ]),
    );
  });

  it('colours a real cluster.conf: stanzas, keys, numbers and addresses', async () => {
    const text = readFileSync(join(realworld, 'ocfs2/cluster.conf'), 'utf8');
    const t = await tokens('source.ocfs2-cluster-conf', text);
    expect(t).toEqual(
      expect.arrayContaining([
        'node=entity.name.section.ocfs2-cluster-conf',
        'cluster=entity.name.section.ocfs2-cluster-conf',
        'ip_address=variable.other.property.ocfs2-cluster-conf',
        '==keyword.operator.assignment.ocfs2-cluster-conf',
      ]),
    );
    expect(t.some((x) => /^\d+\.\d+\.\d+\.\d+=constant\.numeric\.address/.test(x))).toBe(true);
    expect(t.some((x) => /^\d+=constant\.numeric\.ocfs2-cluster-conf$/.test(x))).toBe(true);
  });
});
