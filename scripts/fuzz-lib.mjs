// The engine of `npm run fuzz` (scripts/fuzz.mjs) and of its fixed-seed test
// (apps/lab/test/fuzz-script.test.ts). It takes the format descriptors and a way to run the CLI
// as arguments, so the script can use the built packages and the test the sources.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';

/** Names that reach `Object.prototype` when a plain object is indexed with them. */
export const PROTO_NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'prototype',
  'isPrototypeOf',
  '__defineGetter__',
];

/** Small pieces that are significant to at least one format's grammar. */
const PIECES = [
  '{',
  '}',
  '[',
  ']',
  ';',
  ':',
  '=',
  ',',
  '"',
  "'",
  '\\',
  '#',
  '$',
  '`',
  '\n',
  '\r',
  '\r\n',
  '\t',
  ' ',
  '\u0000',
  '\uFEFF',
  '\u00e9',
  '\u{1F600}',
  '\uD800',
  '-',
  '0',
  '-1',
  '1e309',
  '99999999999999999999',
  'NaN',
  'Infinity',
  'include "x";',
  'resource r {',
  'on a {',
  'node:',
  'cluster:',
  'export ',
  '{"type": "log_message"',
  '"__proto__"',
  ...PROTO_NAMES,
];

/** Fixture files of every package, by format name (the package directory name). */
export function loadCorpus(root, maxBytes = 64 * 1024) {
  const corpus = new Map();
  for (const pkg of readdirSync(join(root, 'packages'))) {
    const dir = join(root, 'packages', pkg, 'test', 'fixtures');
    const texts = [];
    const walk = (d) => {
      let names;
      try {
        names = readdirSync(d);
      } catch {
        return;
      }
      for (const n of names.sort()) {
        const p = join(d, n);
        const s = statSync(p);
        if (s.isDirectory()) walk(p);
        else if (s.size > 0 && s.size <= maxBytes && !n.endsWith('.md')) texts.push(readFileSync(p, 'utf8'));
      }
    };
    walk(dir);
    if (texts.length > 0) corpus.set(pkg, texts);
  }
  return corpus;
}

/** A text of `corpus` changed in one to three places, or a pathological text built from a piece. */
export function mutatedText(corpus) {
  const piece = fc.constantFrom(...PIECES);
  const edit = fc.tuple(
    fc.constantFrom('cut', 'replace', 'insert', 'delete', 'duplicate', 'proto-word', 'swap-lines'),
    fc.nat(),
    fc.nat(),
    fc.oneof(piece, fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 6 })),
  );
  const mutated = fc
    .tuple(fc.constantFrom(...corpus), fc.array(edit, { minLength: 1, maxLength: 3 }))
    .map(([text, edits]) => {
      let t = text;
      for (const [op, a, b, s] of edits) {
        const i = a % (t.length + 1);
        const j = Math.min(t.length, i + (b % 40));
        if (op === 'cut') t = t.slice(0, i);
        else if (op === 'replace') t = t.slice(0, i) + s + t.slice(j);
        else if (op === 'insert') t = t.slice(0, i) + s + t.slice(i);
        else if (op === 'delete') t = t.slice(0, i) + t.slice(j);
        else if (op === 'duplicate') t = t.slice(0, j) + t.slice(i, j).repeat(1 + (b % 50)) + t.slice(j);
        else if (op === 'swap-lines') {
          const lines = t.split('\n');
          const x = a % lines.length;
          const y = b % lines.length;
          [lines[x], lines[y]] = [lines[y], lines[x]];
          t = lines.join('\n');
        } else {
          // Every word slot can hold a prototype name: replace the k-th word with one.
          const words = [...t.matchAll(/[A-Za-z_][\w-]*/g)];
          if (words.length === 0) continue;
          const w = words[a % words.length];
          t = t.slice(0, w.index) + PROTO_NAMES[b % PROTO_NAMES.length] + t.slice(w.index + w[0].length);
        }
      }
      return t;
    });
  const pathological = fc
    .tuple(
      fc.constantFrom(...PIECES, '{"a":', 'x\n', '}\n', '[', 'x{"a":'),
      fc.integer({ min: 100, max: 20_000 }),
      fc.constantFrom(...corpus),
    )
    .map(([p, n, base]) => (n % 3 === 0 ? base + p.repeat(n) : p.repeat(n)));
  return fc.oneof(
    { arbitrary: mutated, weight: 8 },
    { arbitrary: pathological, weight: 1 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 300 }), weight: 1 },
  );
}

const SEVERITIES = new Set(['error', 'warning', 'info']);
/** Messages that show a bug rather than the input: a crashed rule, a value never set. */
const BAD_MESSAGE =
  /Rule `[^`]*` failed|Internal error|\[object Object\]|(?:found|minor|after) (?:undefined|NaN|Infinity)\b|\bundefined`/;

function checkDiagnostics(what, list, text) {
  if (!Array.isArray(list)) throw new Error(`${what}: diagnostics is not an array`);
  for (const d of list) {
    if (typeof d.code !== 'string' || d.code === '') throw new Error(`${what}: a diagnostic without a code`);
    if (!SEVERITIES.has(d.severity)) throw new Error(`${what}: ${d.code} has severity ${d.severity}`);
    if (typeof d.message !== 'string' || BAD_MESSAGE.test(d.message))
      throw new Error(`${what}: ${d.code} has the message ${JSON.stringify(d.message)}`);
    if (/\/internal$/.test(d.code)) throw new Error(`${what}: ${d.code} ${d.message}`);
    const s = d.span;
    if (!s || !(s.start >= 0 && s.start <= s.end && s.end <= text.length))
      throw new Error(
        `${what}: ${d.code} has the span ${JSON.stringify(s)} outside a ${text.length}-character text`,
      );
  }
}

const protoKeys = () => Object.getOwnPropertyNames(Object.prototype).join(',');

/**
 * Runs every entry point of one format on `text` and throws on the first broken promise:
 * parse, parseCst/print (lossless), lint, emit of the parsed model, format; never throws,
 * diagnostics well-formed (code, severity, plain message, span inside the text), and
 * `Object.prototype` untouched. Returns the milliseconds it took.
 */
export function checkFormat(f, text) {
  const before = protoKeys();
  const t0 = performance.now();
  const parsed = f.parse(text);
  checkDiagnostics(`${f.name} parse`, parsed.diagnostics, text);
  const printed = f.print(f.parseCst(text));
  if (printed !== text) throw new Error(`${f.name}: print(parseCst(text)) !== text`);
  const linted = f.lint(text);
  checkDiagnostics(`${f.name} lint`, linted.diagnostics, text);
  if (parsed.model !== undefined && parsed.model !== null) f.emit(parsed.model);
  if (f.format) {
    const r = f.format(text);
    if (typeof r.text !== 'string') throw new Error(`${f.name}: format returned no text`);
  }
  const ms = performance.now() - t0;
  if (protoKeys() !== before || {}.polluted !== undefined)
    throw new Error(`${f.name}: Object.prototype changed`);
  return ms;
}

/**
 * Fuzzes every format in `formats` with mutated `corpus` texts for `budgetMs` in all (split
 * evenly), with fast-check (`seed` makes a run repeatable). A failure is shrunk to a small
 * input. Returns one summary row per format.
 */
export function fuzzFormats({ formats, corpus, seed, budgetMs, maxRuns = Number.MAX_SAFE_INTEGER, onInput }) {
  const rows = [];
  const per = Math.max(1, Math.floor(budgetMs / formats.length));
  for (const f of formats) {
    const texts = corpus.get(f.name) ?? [''];
    let slowest = { ms: 0, length: 0 };
    let runs = 0;
    const r = fc.check(
      fc.property(mutatedText(texts), (text) => {
        onInput?.(f.name, text);
        const ms = checkFormat(f, text);
        runs++;
        if (ms > slowest.ms) slowest = { ms, length: text.length };
      }),
      { seed, numRuns: maxRuns, interruptAfterTimeLimit: per, markInterruptAsFailure: false },
    );
    rows.push({
      area: `api ${f.name}`,
      runs,
      failure: r.failed
        ? { input: r.counterexample?.[0], error: String(r.errorInstance?.message ?? r.error) }
        : undefined,
      slowest,
    });
  }
  return rows;
}

/** What the CLI fuzzing runs per format: a file name and argument lists (`FILE` and `-` = stdin). */
export const CLI_CASES = {
  'drbd-conf': {
    file: 'r.res',
    runs: [
      ['lint', 'FILE'],
      ['lint', '--code-frame', '--kind', 'drbd-conf', '-'],
      ['fmt', '--kind', 'drbd-conf', 'FILE'],
      ['drbd', 'dump', 'FILE'],
      ['drbd', 'migrate', '--to', '9', 'FILE'],
    ],
  },
  'proc-drbd': {
    file: 'drbd.txt',
    runs: [
      ['lint', '--kind', 'proc-drbd', 'FILE'],
      ['status', 'FILE'],
      ['status', '-'],
      ['events2', '-'],
      ['events2', 'FILE'],
    ],
  },
  'o2cb-defaults': {
    file: 'o2cb',
    runs: [
      ['lint', '--kind', 'o2cb-defaults', '--code-frame', 'FILE'],
      ['fmt', '--kind', 'o2cb-defaults', '-'],
    ],
  },
  fstab: {
    file: 'fstab',
    runs: [
      ['lint', '--kind', 'fstab', 'FILE'],
      ['fmt', '--kind', 'fstab', 'FILE'],
    ],
  },
  'ocfs2-cluster-conf': {
    file: 'cluster.conf',
    runs: [
      ['lint', '--kind', 'ocfs2-cluster-conf', '--code-frame', 'FILE'],
      ['fmt', '--kind', 'ocfs2-cluster-conf', '-'],
    ],
  },
  'borg-json': {
    file: 'a.borg.jsonl',
    runs: [
      ['lint', 'FILE'],
      ['borg', 'validate', '-'],
      ['borg', 'items', '--on-bad-line', 'continue', '-'],
      ['borg', 'items', '--summary', 'FILE'],
      ['borg', 'log', '-'],
      ['borg', 'log', 'FILE'],
      ['borg', 'outcome', '--rc', '1', 'FILE'],
      ['borg', 'outcome', '--rc', '143', '--format', 'json', '-'],
    ],
  },
};

/** stderr text that shows a crash rather than a report about the input. */
const CRASH =
  /is not a function|is not defined|Cannot read propert|Cannot convert|Maximum call stack|Internal error|out of memory|heap limit|Rule `[^`]*` failed|\bat .+\.js:\d+:\d+/;

/**
 * Runs the CLI commands of {@link CLI_CASES} on mutated texts, as a file and on standard input,
 * for `budgetMs` in all. `invoke(args, stdin, file, text)` runs one command and resolves to
 * `{ code, stderr, ms, timedOut?, signal? }`; it must write `text` to `file` first when a run
 * names `FILE`. A run fails when it times out, dies of a signal, exits other than 0, 1 or 2, or
 * prints a crash to stderr.
 */
export async function fuzzCli({ invoke, corpus, seed, budgetMs, names, maxRuns = Number.MAX_SAFE_INTEGER }) {
  const rows = [];
  const list = names ?? Object.keys(CLI_CASES);
  const per = Math.max(1, Math.floor(budgetMs / list.length));
  for (const name of list) {
    const c = CLI_CASES[name];
    const texts = fc.sample(mutatedText(corpus.get(name) ?? ['']), { seed, numRuns: 2000 });
    const end = performance.now() + per;
    let runs = 0;
    let failure;
    let slowest = { ms: 0, length: 0 };
    for (let i = 0; i < texts.length && runs < maxRuns && performance.now() < end && !failure; i++) {
      const text = texts[i];
      const args = c.runs[i % c.runs.length];
      const r = await invoke(args, args.includes('-') ? text : '', c.file, text);
      runs++;
      if (r.ms > slowest.ms) slowest = { ms: r.ms, length: text.length };
      const bad = r.timedOut
        ? 'timed out'
        : r.signal
          ? `killed by ${r.signal}`
          : ![0, 1, 2].includes(r.code)
            ? `exit ${r.code}`
            : CRASH.test(r.stderr)
              ? `crash: ${r.stderr.split('\n').find((l) => CRASH.test(l))}`
              : undefined;
      if (bad) failure = { input: text, args: args.join(' '), error: bad };
    }
    rows.push({ area: `cli ${name}`, runs, failure, slowest });
  }
  return rows;
}

/** The summary table `npm run fuzz` prints. */
export function summary(rows) {
  const lines = ['area                        runs   slowest (ms @ chars)  result'];
  for (const r of rows) {
    const slow = `${r.slowest.ms.toFixed(1)} @ ${r.slowest.length}`;
    lines.push(
      `${r.area.padEnd(26)} ${String(r.runs).padStart(6)}   ${slow.padEnd(20)}  ${r.failure ? `FAIL ${r.failure.args ? `(${r.failure.args}) ` : ''}${r.failure.error}` : 'ok'}`,
    );
  }
  const failed = rows.filter((r) => r.failure).length;
  lines.push('', failed === 0 ? `all ${rows.length} areas ok` : `${failed} of ${rows.length} areas failed`);
  return `${lines.join('\n')}\n`;
}
