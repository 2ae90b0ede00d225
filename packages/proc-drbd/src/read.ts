import { type Diagnostic, DiagnosticCollector } from '@ftkit/core';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { type PendingDiagnostic, SOURCE } from './diagnostics.js';
import { type ProcDrbdCst, parseProcDrbdCst } from './proc/cst.js';
import { composeProcDrbd } from './proc/parse.js';
import type { ProcDrbd } from './proc/schema.js';
import { procToStatus } from './proc/to-status.js';
import { Events2Reducer, parseEvents2 } from './status/events2.js';
import { parseStatusJson, repairStatusJson, statusJsonToStatus } from './status/json.js';
import type { DrbdStatus, StatusSource } from './status/model.js';
import { parseStatusText } from './status/text.js';

const reEventLine =
  /^(?:\d{4}-\d\d-\d\dT\S+ )?(?:(?:exists|create|change|destroy|call|response|rename) (?:resource|device|connection|peer-device|path|helper|-)(?: |$)|- skipped)/;
const reStatusTextLine = /^\S+ (?:node-id:\S+ )?role:\S+/;

/**
 * Which of the four outputs `text` is, from its first non-empty line; `null` when none fits.
 * Cheap and never throws.
 */
export function detectStatusSource(text: string): StatusSource | null {
  const head = text.slice(0, 4096);
  const first = head.split('\n').find((l) => l.trim() !== '') ?? '';
  if (first.startsWith('version:') || /^ *\d+: cs:/.test(first)) return 'proc-drbd';
  if (first.trimStart().startsWith('[')) return 'status-json';
  if (reEventLine.test(first)) return 'events2';
  if (reStatusTextLine.test(first) || first.startsWith('# No currently configured DRBD'))
    return 'status-text';
  return null;
}

/** The result of {@link readStatus}. */
export interface ReadStatusResult {
  readonly source: StatusSource | null;
  /** The normalised model (empty resources when nothing could be read). */
  readonly status: DrbdStatus;
  /** Source-specific /proc/drbd model when the input was /proc/drbd. */
  readonly proc: ProcDrbd | null;
  /** The /proc/drbd CST when the input was /proc/drbd. */
  readonly cst: ProcDrbdCst | null;
  readonly diagnostics: readonly Diagnostic[];
  /** Helper programs called (events2 only): resource name and handler name. */
  readonly helperCalls: readonly { readonly resource: string; readonly helper: string }[];
}

/**
 * Reads any of the four DRBD status outputs (auto-detected unless `source` is given) into the
 * normalised {@link DrbdStatus}. Never throws; problems become diagnostics.
 */
export function readStatus(
  text: string,
  options: { source?: StatusSource; fileName?: string } = {},
): ReadStatusResult {
  const source = options.source ?? detectStatusSource(text);
  // Built on first use: a clean read (the common case for exporters) never pays for a line index.
  let collector: DiagnosticCollector | undefined;
  const c = {
    get items(): Diagnostic[] {
      return collector?.items ?? [];
    },
    get(): DiagnosticCollector {
      collector ??= new DiagnosticCollector(text, SOURCE, options.fileName);
      return collector;
    },
  };
  const empty: DrbdStatus = { source: source ?? 'proc-drbd', kernel: null, resources: [] };
  if (source === 'proc-drbd') {
    const cst = parseProcDrbdCst(text);
    const pending: PendingDiagnostic[] = [];
    const proc = composeProcDrbd(cst, pending);
    for (const p of pending)
      c.get().add({ code: p.code, severity: p.severity, message: p.message, span: p.span });
    return { source, status: procToStatus(proc), proc, cst, diagnostics: c.items, helperCalls: [] };
  }
  if (source === 'status-json') {
    const { data, problems } = parseStatusJson(text);
    const tree = problems.some((p) => p.code === 'SCHEMA_MISMATCH')
      ? parseTree(repairStatusJson(text))
      : undefined;
    for (const p of problems) {
      // Schema issues point at the offending value (jsonc-parser gives node offsets), else its parent.
      let node = tree ? findNodeAtLocation(tree, [...p.path]) : undefined;
      for (let up = p.path.length - 1; tree && !node && up >= 0; up--)
        node = findNodeAtLocation(tree, p.path.slice(0, up));
      const start = node ? node.offset : (p.offset ?? 0);
      const end = node ? node.offset + node.length : Math.min(text.length, start + 1);
      c.get().error(p.code, p.message, { start, end });
    }
    return {
      source,
      status: data ? statusJsonToStatus(data) : empty,
      proc: null,
      cst: null,
      diagnostics: c.items,
      helperCalls: [],
    };
  }
  if (source === 'events2') {
    const { events, problems } = parseEvents2(text);
    const starts = lineStarts(text);
    for (const p of problems) {
      const s = starts[p.line - 1] ?? 0;
      c.get().warning('INVALID_EVENT_LINE', p.message, { start: s, end: s + p.text.length });
    }
    const reducer = new Events2Reducer().applyAll(events);
    const helperCalls = reducer.helperCalls.map((h) => ({
      resource: h.fields.name ?? '',
      helper: h.fields.helper ?? '',
    }));
    return { source, status: reducer.toStatus(), proc: null, cst: null, diagnostics: c.items, helperCalls };
  }
  if (source === 'status-text') {
    const { status, problems } = parseStatusText(text);
    for (const p of problems)
      c.get().warning('INVALID_STATUS_LINE', p.message, { start: p.offset, end: p.offset + p.length });
    return { source, status, proc: null, cst: null, diagnostics: c.items, helperCalls: [] };
  }
  c.get().error(
    'UNKNOWN_SOURCE',
    text.trim() === ''
      ? 'Expected /proc/drbd, status JSON, status text or events2, found nothing'
      : 'Expected /proc/drbd, `drbdsetup status --json`, `drbdadm status` or `drbdsetup events2` output',
    { start: 0, end: Math.min(text.length, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n')) },
  );
  return { source: null, status: empty, proc: null, cst: null, diagnostics: c.items, helperCalls: [] };
}

function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}
