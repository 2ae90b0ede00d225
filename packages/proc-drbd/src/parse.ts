import type { ParseResult } from '@ftkit/core';
import { detectStatusSource } from './detect.js';
import { checkOneOf, checkText, newCollector } from './diagnostics.js';
import { type DrbdStatus, type StatusSource, StatusSourceSchema } from './model.js';
import { parseEvents2 } from './sources/events2/parse.js';
import { Events2Reducer } from './sources/events2/to-status.js';
import type { ProcDrbdCst } from './sources/proc/cst.js';
import { parseProcDrbd } from './sources/proc/parse.js';
import type { ProcDrbd } from './sources/proc/schema.js';
import { procToStatus } from './sources/proc/to-status.js';
import { parseStatusJson } from './sources/status-json/parse.js';
import { statusJsonToStatus } from './sources/status-json/to-status.js';
import { parseStatusText } from './sources/status-text/parse.js';

/**
 * The result of {@link parse}: the normalised {@link DrbdStatus} as `model`, with what only some
 * sources have beside it.
 */
export interface StatusParseResult extends ParseResult<ProcDrbdCst | null, DrbdStatus> {
  /** The source read (detected unless given); `null` when the text is none of the four. */
  readonly source: StatusSource | null;
  /** The /proc/drbd model when the input was /proc/drbd (`cst` is then its CST). */
  readonly proc: ProcDrbd | null;
  /** Helper programs called (events2 only): resource name and handler name. */
  readonly helperCalls: readonly { readonly resource: string; readonly helper: string }[];
}

/**
 * Parses any of the four DRBD status outputs (/proc/drbd, `drbdsetup status --json`,
 * `drbdadm status`, `drbdsetup events2`; detected unless `source` is given) into the normalised
 * {@link DrbdStatus}. Every source reports into one diagnostic collector. Never throws; an
 * unknown text gives an empty model and a `drbd-status/unknown-source` error.
 */
export function parse(
  text: string,
  options: { source?: StatusSource; fileName?: string } = {},
): StatusParseResult {
  checkText(text);
  if (options.source !== undefined) checkOneOf(options.source, StatusSourceSchema.options, ['source']);
  const source = options.source ?? detectStatusSource(text);
  // Cheap to make: it builds its line index only when the first diagnostic comes.
  const diagnostics = newCollector(text, options.fileName);
  const base = { source, cst: null, proc: null, helperCalls: [], diagnostics: diagnostics.items };
  if (source === 'proc-drbd') {
    const { cst, model } = parseProcDrbd(text, { diagnostics });
    return { ...base, model: procToStatus(model), proc: model, cst };
  }
  if (source === 'status-json') {
    const { model } = parseStatusJson(text, { diagnostics });
    return { ...base, model: model ? statusJsonToStatus(model) : empty(source) };
  }
  if (source === 'events2') {
    const { model } = parseEvents2(text, { diagnostics });
    const reducer = new Events2Reducer().applyAll(model);
    const helperCalls = reducer.helperCalls.map((h) => ({
      resource: h.fields.name ?? '',
      helper: h.fields.helper ?? '',
    }));
    return { ...base, model: reducer.toStatus(), helperCalls };
  }
  if (source === 'status-text') return { ...base, model: parseStatusText(text, { diagnostics }).model };
  const eol = text.indexOf('\n');
  diagnostics.error(
    'drbd-status/unknown-source',
    text.trim() === ''
      ? 'Expected /proc/drbd, status JSON, status text or events2, found nothing'
      : 'Expected /proc/drbd, `drbdsetup status --json`, `drbdadm status` or `drbdsetup events2` output',
    { start: 0, end: eol === -1 ? text.length : eol },
  );
  return { ...base, model: empty('proc-drbd') };
}

function empty(source: StatusSource): DrbdStatus {
  return { source, kernel: null, resources: [] };
}
