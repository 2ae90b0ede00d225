import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { decodeLossless } from '@ftkit/core';
import { readRegularFile } from '@ftkit/core/node';
import type { LabFile, LabTree, NodeTree, TreeFile } from '../tree.js';
import { labFileKind } from './file-kind.js';

/** The directories a walk never enters when checking a real machine's `/`. */
const skip = new Set([
  'proc',
  'sys',
  'dev',
  'run',
  'tmp',
  'var',
  'usr/share',
  'usr/include',
  'snap',
  'mnt',
  'media',
  'srv',
  'boot',
  'opt',
  'lost+found',
]);

/** Only these top-level subtrees can hold files the lab reads. */
function wanted(rel: string): boolean {
  if (rel === '') return true;
  const top = rel.split('/')[0]!;
  if (!['etc', 'home', 'root', 'usr', 'lib'].includes(top)) return false;
  if (skip.has(rel)) return false;
  return true;
}

/** Reads the lab-relevant files of one node's tree laid out like `/`. Unreadable files are skipped. */
export function readNodeTree(node: string, dir: string, cwd: string): NodeTree {
  const files: TreeFile[] = [];
  const walk = (abs: string, rel: string, depth: number) => {
    if (depth > 6 || !wanted(rel)) return;
    let entries: string[];
    try {
      entries = readdirSync(abs).sort();
    } catch {
      return;
    }
    for (const name of entries) {
      const childAbs = join(abs, name);
      const childRel = rel ? `${rel}/${name}` : name;
      let st: ReturnType<typeof statSync>;
      try {
        st = statSync(childAbs);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(childAbs, childRel, depth + 1);
      else if (st.isFile() && labFileKind(childRel)) {
        try {
          const read = readRegularFile(childAbs);
          if (read.ok)
            files.push({
              rel: childRel,
              path: relative(cwd, childAbs) || childAbs,
              text: decodeLossless(read.bytes),
            });
        } catch {
          // Unreadable (permissions on a real machine): nothing to check.
        }
      }
    }
  };
  walk(dir, '', 0);
  return { node, files };
}

/** A generated lab directory: node subdirectories with an `etc/`, and usually RUNBOOK.md. */
export function isLabOutput(dir: string): boolean {
  if (existsSync(join(dir, 'RUNBOOK.md'))) return true;
  if (existsSync(join(dir, 'etc'))) return false;
  try {
    return readdirSync(dir).some((d) => existsSync(join(dir, d, 'etc')));
  } catch {
    return false;
  }
}

/**
 * Resolves `lab check` arguments: `NAME=DIR` pairs, one node directory laid out like `/`, or a
 * generated lab directory (its node subdirectories, plus RUNBOOK.md), as one phase whose paths
 * are the names reports use (relative to `cwd`).
 */
export function readLabArgs(args: readonly string[], cwd: string): LabTree {
  const trees: NodeTree[] = [];
  let runbook: LabFile | undefined;
  for (const arg of args) {
    const m = /^([A-Za-z0-9_.-]+)=(.+)$/.exec(arg);
    const dir = resolve(cwd, m ? m[2]! : arg);
    if (!existsSync(dir) || !statSync(dir).isDirectory())
      throw new Error(`Cannot read \`${arg}\`: not a directory`);
    if (!m && isLabOutput(dir)) {
      for (const d of readdirSync(dir).sort()) {
        if (existsSync(join(dir, d, 'etc')) || existsSync(join(dir, d, 'home')))
          trees.push(readNodeTree(d, join(dir, d), cwd));
      }
      const rb = join(dir, 'RUNBOOK.md');
      // A regular file only: a FIFO named RUNBOOK.md would block `lab check` forever.
      const read = readRegularFile(rb);
      if (read.ok) runbook = { path: relative(cwd, rb) || rb, text: decodeLossless(read.bytes) };
      continue;
    }
    trees.push(readNodeTree(m ? m[1]! : dir === '/' ? 'localhost' : basename(dir), dir, cwd));
  }
  return { phases: [{ dir: '', nodes: trees, files: runbook ? [runbook] : [] }], files: [] };
}
