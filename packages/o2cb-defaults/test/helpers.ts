import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';

export const FIXTURES = new URL('./fixtures/', import.meta.url);

/** Every fixture as [name, text]. */
export function fixtures(): [string, string][] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.o2cb'))
    .sort()
    .map((f) => [f, readFileSync(new URL(f, FIXTURES), 'utf8')]);
}

/** Names the generated files assign (the seven real ones plus near misses). */
export const GEN_NAMES = [
  'O2CB_ENABLED',
  'O2CB_STACK',
  'O2CB_BOOTCLUSTER',
  'O2CB_HEARTBEAT_THRESHOLD',
  'O2CB_IDLE_TIMEOUT_MS',
  'O2CB_KEEPALIVE_DELAY_MS',
  'O2CB_RECONNECT_DELAY_MS',
  'O2CB_ENABELED',
  'o2cb_stack',
] as const;

// Alphabets are deliberately small and free of `;&|()<>` and backticks, so a generated line that
// the shell runs as a command can only name a nonexistent program.
const wordChars = fc.constantFrom('a', 'b', 'c', '0', '1', '7', '_', '.', ':', '-', '#', '=', '/', '~');
const sqChars = fc.constantFrom('a', 'b', ' ', '\t', '"', '$', '#', '\\', '=', '1');
const dqChars = fc.constantFrom('a', 'b', ' ', "'", '#', '\\\\', '\\"', '\\a', '=', '2');
const garbage = fc.constantFrom('a', ' ', "'", '"', '\\', '$', '#', '=', 'b');

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.array(wordChars, { minLength: 1, maxLength: 6 }).map((a) => a.join('')) },
  { weight: 2, arbitrary: fc.array(sqChars, { maxLength: 6 }).map((a) => `'${a.join('')}'`) },
  { weight: 2, arbitrary: fc.array(dqChars, { maxLength: 6 }).map((a) => `"${a.join('')}"`) },
  { weight: 1, arbitrary: fc.array(garbage, { minLength: 1, maxLength: 4 }).map((a) => a.join('')) },
);

const assignment = fc
  .record({
    indent: fc.constantFrom('', '', '', ' ', '\t'),
    exp: fc.boolean(),
    name: fc.constantFrom(...GEN_NAMES),
    value: fc.array(piece, { maxLength: 3 }).map((p) => p.join('')),
    trailing: fc.constantFrom('', '', ' ', '  # note', '\t#c', ' #'),
  })
  .map((r) => `${r.indent}${r.exp ? 'export ' : ''}${r.name}=${r.value}${r.trailing}`);

/** Lines of a plausible hand-edited defaults file (mostly valid, sometimes broken). */
export const lineArb = fc.oneof(
  { weight: 6, arbitrary: assignment },
  { weight: 1, arbitrary: fc.constantFrom('', '  ', '\t') },
  { weight: 1, arbitrary: fc.array(sqChars, { maxLength: 10 }).map((a) => `#${a.join('')}`) },
);

/** A whole generated file. */
export const fileArb = fc
  .tuple(fc.array(lineArb, { minLength: 1, maxLength: 12 }), fc.boolean())
  .map(([lines, nl]) => lines.join('\n') + (nl ? '\n' : ''));

/** Throws a clear error when a required real tool is missing. */
export function requireTool(path: string, what: string): void {
  if (!existsSync(path)) {
    throw new Error(
      `${path} not found: install ${what} (apt-get install ocfs2-tools) to run the conformance tests`,
    );
  }
}

const dir = mkdtempSync(join(tmpdir(), 'ftkit-o2cb-'));
let counter = 0;

/**
 * Sources `text` with `shell` (dash or bash) in an empty environment and returns the value of
 * each name, or `undefined` when unset. This is exactly what the init script (bash) and Debian's
 * config script (sh) do with the file.
 */
export function sourceWithShell(
  shell: string,
  text: string,
  names: readonly string[],
): Map<string, string | undefined> {
  const file = join(dir, `f${counter++}`);
  writeFileSync(file, text);
  const script = `. "$1" >/dev/null 2>&1\n${names
    .map((n) => `if [ -n "\${${n}+x}" ]; then printf 'S%s\\0' "$${n}"; else printf 'U\\0'; fi`)
    .join('\n')}\n`;
  const out = execFileSync(shell, ['-c', script, 'sh', file], {
    env: {},
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const parts = out.split('\0');
  const result = new Map<string, string | undefined>();
  names.forEach((n, i) => {
    const p = parts[i] ?? 'U';
    result.set(n, p.startsWith('S') ? p.slice(1) : undefined);
  });
  return result;
}

/** Extracts a heredoc body from a shell script: the lines between `cat >X <<EOF` and `EOF`. */
export function heredoc(script: string, marker: RegExp): string {
  const lines = script.split('\n');
  const start = lines.findIndex((l) => marker.test(l));
  if (start < 0) throw new Error(`heredoc ${marker} not found`);
  const end = lines.indexOf('EOF', start + 1);
  return `${lines.slice(start + 1, end).join('\n')}\n`;
}

/** Expands a heredoc body with `sh`, given variable values (unset when `undefined`). */
export function expandHeredoc(body: string, vars: Readonly<Record<string, string | undefined>>): string {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(vars)) if (v !== undefined) env[k] = v;
  return execFileSync('sh', ['-c', `cat <<EOF\n${body}EOF\n`], { env, encoding: 'utf8' });
}
