import type { Diagnostic } from '@ftkit/core';
import { DiagnosticCollector } from '@ftkit/core';
import { SOURCE } from './diagnostics.js';
import { lintDoc } from './lint/doc.js';
import { parse } from './parse.js';

/** One node's settings file for {@link checkDrift}. */
export interface NodeFile {
  /** The name used in diagnostics (e.g. `node1:/etc/default/o2cb`). */
  readonly file: string;
  readonly text: string;
}

const COMPARED = [
  ['heartbeatThreshold', 'O2CB_HEARTBEAT_THRESHOLD', ''],
  ['idleTimeoutMs', 'O2CB_IDLE_TIMEOUT_MS', ' ms'],
  ['keepaliveDelayMs', 'O2CB_KEEPALIVE_DELAY_MS', ' ms'],
] as const;

/**
 * DO-DRIFT (multi-host): the kernel compares the heartbeat threshold, the idle timeout and the
 * keepalive delay when two nodes connect and disconnects on any difference. Compares the
 * effective settings (after the kernel's refusals) of every node's file with the first one and
 * reports each difference as an error in the differing file, with the first file as related
 * location. The reconnect delay is exchanged but not compared by the kernel, so it may differ.
 */
export function checkDrift(files: readonly NodeFile[]): Diagnostic[] {
  const parsed = files.map((f) => {
    const r = parse(f.text, { fileName: f.file });
    return {
      ...f,
      r,
      doc: lintDoc(r.cst, r.model),
      dc: new DiagnosticCollector(f.text, SOURCE, f.file, undefined, {
        overflowCode: 'o2cb/too-many-problems',
      }),
    };
  });
  const first = parsed[0];
  if (!first) return [];
  const out: Diagnostic[] = [];
  for (const node of parsed.slice(1)) {
    for (const [key, name, unit] of COMPARED) {
      const a = first.r.model.settings[key];
      const b = node.r.model.settings[key];
      if (a === b) continue;
      const here = node.doc.last.get(name);
      const there = first.doc.last.get(name);
      out.push(
        node.dc.error(
          'o2cb/drift',
          `Expected \`${name}\` to be in effect as ${a}${unit} as on \`${first.file}\`, found ${b}${unit}; the nodes disconnect from each other`,
          here ? here.value : { start: 0, end: 0 },
          {
            note: 'At connection setup o2net compares idle timeout, keepalive delay and heartbeat timeout and drops the connection on any mismatch (the reason only shows in dmesg)',
            related: [
              {
                message: `The value in effect on \`${first.file}\``,
                span: there ? there.value : { start: 0, end: 0 },
                file: first.file,
                lineIndex: first.dc.lineIndex,
              },
            ],
          },
        ),
      );
    }
  }
  return out;
}
