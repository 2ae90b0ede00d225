/** What a /proc/drbd line is, decided by a hand-written line scanner (see docs/proc-drbd.md). */
export type ProcLineKind =
  | 'version'
  | 'build'
  | 'transports'
  | 'blank'
  | 'state'
  | 'counters'
  | 'progress-bar'
  | 'progress-finish'
  | 'progress-stalled'
  | 'old-verify'
  | 'sector-pos'
  | 'lru'
  | 'lru-dump'
  | 'blocked-al'
  | 'unknown';

/** One line of /proc/drbd: its kind, its text and the line break after it. Offsets are 0-based. */
export interface ProcLine {
  readonly kind: ProcLineKind;
  /** Offset of the first character of the line. */
  readonly start: number;
  /** The line without its line break. */
  readonly text: string;
  /** `\n`, or empty for the last line when the text does not end with a line break. */
  readonly eol: string;
}

/** The lossless CST of /proc/drbd: every line, in order. */
export interface ProcDrbdCst {
  readonly type: 'proc-drbd';
  readonly lines: readonly ProcLine[];
}

const reState = /^ *\d+: cs:/;
const reLruDumpHeader = /^\s*nn: lc_number/;
const reLruDumpItem = /^\s+\d+: /;

/** Detail lines recognised without their indentation: counters, progress bar, finish, LRU. */
const reUnindentedDetail = /^(?:ns:\d|\[[=>.]*\] |finish: |resync: |act_log: )/;

/** Classifies one line; `index` is its 0-based line number (lines 0 and 1 are the header). */
export function classifyLine(text: string, index: number, inDump: boolean): ProcLineKind {
  if (text.length === 0) return 'blank';
  const c = text.charCodeAt(0);
  if (index === 0 && text.startsWith('version:')) return 'version';
  if (index === 1) return 'build';
  if (c === 84 /* T */ && text.startsWith('Transports (')) return 'transports';
  let i = 0;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  const d = text.charCodeAt(i);
  // State lines are the only ones whose first non-blank is a digit followed by `: cs:`.
  if (d >= 48 && d <= 57 && reState.test(text)) return 'state';
  // Detail lines are indented by the kernel; copies pasted through web pages lose that, so the
  // few whose start no other line shares are still recognised (compose warns about them).
  if (c !== 32 && c !== 9 && !reUnindentedDetail.test(text)) return 'unknown';
  // Indented lines: recognised by content, TAB or expanded spaces alike.
  if (i === text.length) return inDump ? 'lru-dump' : 'unknown';
  const rest = text.charCodeAt(i);
  if (rest === 110 /* n */ && text.startsWith('ns:', i)) return 'counters';
  if (rest === 91 /* [ */) return 'progress-bar';
  if (rest === 102 /* f */ && text.startsWith('finish:', i)) return 'progress-finish';
  if (rest === 115 /* s */ && text.startsWith('stalled', i)) return 'progress-stalled';
  if (rest === 114 /* r */ && text.startsWith('resync:', i)) return 'lru';
  if (rest === 97 /* a */ && text.startsWith('act_log:', i)) return 'lru';
  if (rest === 98 /* b */ && text.startsWith('blocked on activity log:', i)) return 'blocked-al';
  if (reLruDumpHeader.test(text)) return 'lru-dump';
  if (text.includes('% sector pos:')) return 'sector-pos';
  if (/^\s*\d+%/.test(text)) return 'old-verify';
  if (inDump && reLruDumpItem.test(text)) return 'lru-dump';
  return 'unknown';
}

/**
 * Splits /proc/drbd text into classified lines. Total (every string gives a CST) and lossless:
 * `printProcDrbd(parseProcDrbdCst(text)) === text`.
 */
export function parseProcDrbdCst(text: string): ProcDrbdCst {
  const lines: ProcLine[] = [];
  let pos = 0;
  let index = 0;
  let inDump = false;
  const n = text.length;
  while (pos < n) {
    let nl = text.indexOf('\n', pos);
    const eol = nl === -1 ? '' : '\n';
    if (nl === -1) nl = n;
    const line = text.slice(pos, nl);
    const kind = classifyLine(line, index, inDump);
    if (kind === 'lru-dump') inDump = true;
    else if (kind !== 'blank') inDump = false;
    lines.push({ kind, start: pos, text: line, eol });
    pos = nl + 1;
    index++;
  }
  return { type: 'proc-drbd', lines };
}

/** Prints the CST back to exactly the text it was parsed from. */
export function printProcDrbd(cst: ProcDrbdCst): string {
  let out = '';
  for (const l of cst.lines) out += l.text + l.eol;
  return out;
}
