import { type Diagnostic, LineIndex, type RuleConfig } from '@ftkit/core';
import type { LabFile, NodeTree, TreeFile } from '../tree.js';
import { checkLab } from './check.js';

/** A file of a bundle and where its text starts in the bundle. */
interface BundleFile {
  readonly path: string;
  readonly text: string;
  /** Offset of the file's first character in the bundle text. */
  readonly offset: number;
}

const header = /^==> (\S+) <==$/;

/**
 * Splits a bundle — several files in one text, each after a `==> PATH <==` line (the format
 * `head` prints) — into files. `PATH` is `NODE/rel/path` (for example `vm1/etc/hostname`) or
 * `RUNBOOK.md`. Used for rule docs and bug reports: a whole lab in one code block.
 */
export function splitBundle(text: string): BundleFile[] {
  const out: { path: string; start: number; end: number }[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const m = header.exec(line);
    const next = offset + line.length + 1;
    if (m) {
      const last = out[out.length - 1];
      if (last) last.end = offset;
      out.push({ path: m[1]!, start: Math.min(next, text.length), end: text.length });
    }
    offset = next;
  }
  return out.map((f) => ({ path: f.path, text: text.slice(f.start, f.end), offset: f.start }));
}

/**
 * Checks a bundle like `ftkit lab check` checks trees, and returns the diagnostics with spans and
 * positions in the bundle text (so a docs example's `line:col` refers to the code block).
 */
export function checkBundle(
  text: string,
  options: { rules?: RuleConfig; drbdVersion?: '9' | '8.4' } = {},
): Diagnostic[] {
  const files = splitBundle(text);
  // A bundle is flat text: its `NODE/` prefixes are the one place a lab tree is grouped by node.
  const nodes = new Map<string, TreeFile[]>();
  const top: LabFile[] = [];
  for (const f of files) {
    const slash = f.path.indexOf('/');
    if (slash < 0) top.push({ path: f.path, text: f.text });
    else {
      const node = f.path.slice(0, slash);
      if (!nodes.has(node)) nodes.set(node, []);
      nodes.get(node)!.push({ rel: f.path.slice(slash + 1), path: f.path, text: f.text });
    }
  }
  const trees: NodeTree[] = [...nodes].map(([node, list]) => ({ node, files: list }));
  const checked = checkLab({ phases: [{ dir: '', nodes: trees, files: [] }], files: top }, options);
  const offsets = new Map(files.map((f) => [f.path, f.offset]));
  const index = new LineIndex(text);
  const shift = (file: string | undefined, s: { start: number; end: number }) => {
    const o = offsets.get(file ?? '') ?? 0;
    return { start: s.start + o, end: s.end + o };
  };
  return checked.files.flatMap((f) =>
    f.diagnostics.map((d) => {
      const span = shift(d.file, d.span);
      return {
        ...d,
        span,
        position: index.positionOf(span),
        ...(d.related
          ? {
              related: d.related.map((r) => {
                const rs = shift(r.file, r.span);
                return { ...r, span: rs, position: index.positionOf(rs) };
              }),
            }
          : {}),
      };
    }),
  );
}
