import type { Span, TextEdit } from '@ftkit/core';
import { shortenText } from '@ftkit/core';
import type { EntryLine, FstabCst } from '../cst/types.js';
import type { Fstab, FstabEntry } from '../model/compose.js';
import { composeWithLines } from '../model/compose.js';
import type { MountOption } from '../options.js';

/** A usable entry with its line and the source span of each option. */
export interface LintEntry {
  readonly entry: FstabEntry;
  readonly line: EntryLine;
  /** Source spans of `entry.options`, index for index (the whole options field when escapes make that impossible). */
  readonly optionSpans: readonly Span[];
  /** Whether `optionSpans` are the options' own spans (false when escapes hide commas). */
  readonly exactSpans: boolean;
}

/** What every fstab rule receives. */
export interface FstabLintDoc {
  readonly cst: FstabCst;
  readonly model: Fstab;
  readonly entries: readonly LintEntry[];
}

/** Builds the lint document. */
export function lintDoc(cst: FstabCst): FstabLintDoc {
  const { entries, lines } = composeWithLines(cst);
  const out: LintEntry[] = entries.map((entry, i) => {
    const line = lines[i]!;
    const mnt = line.fields[3];
    let spans: Span[];
    let exact = false;
    if (!mnt) spans = entry.options.map(() => ({ start: line.fields[2]!.end, end: line.fields[2]!.end }));
    else {
      const raw = mnt.raw.split(',');
      if (raw.length === entry.options.length) {
        exact = true;
        let pos = mnt.start;
        spans = raw.map((r) => {
          const s = { start: pos, end: pos + r.length };
          pos += r.length + 1;
          return s;
        });
      } else spans = entry.options.map(() => ({ start: mnt.start, end: mnt.end }));
    }
    return { entry, line, optionSpans: spans, exactSpans: exact };
  });
  return { cst, model: { entries }, entries: out };
}

/** The documentation URL of a rule. */
export function ruleUrl(id: string): string {
  return `https://github.com/ftkit/ftkit/blob/main/docs/rules/fstab/${id}.md`;
}

/** Shows source text in backticks for a message. */
export function shown(value: string): string {
  const v = shortenText(value, { max: 50 });
  return `\`${v.replace(/`/g, "'")}\``;
}

/** The options of an entry named `name`, with their spans. */
export function optionsNamed(e: LintEntry, name: string): { option: MountOption; span: Span }[] {
  const out: { option: MountOption; span: Span }[] = [];
  e.entry.options.forEach((o, i) => {
    if (o.name === name) out.push({ option: o, span: e.optionSpans[i]! });
  });
  return out;
}

/** True when the entry carries an option of that name. */
export function hasOption(e: LintEntry, name: string): boolean {
  return e.entry.options.some((o) => o.name === name);
}

/**
 * Edits removing the option at `index` from an entry, with one neighbouring comma (`defaults`
 * when it is the only option). Constant work per call, so thousands of findings on one line stay
 * linear. No edit when escapes make the option's own span unknown.
 */
export function removeOptionEdit(e: LintEntry, index: number): TextEdit[] {
  const mnt = e.line.fields[3];
  const n = e.entry.options.length;
  if (!mnt || !e.exactSpans) return [];
  const spans = e.optionSpans;
  if (n === 1) return [{ start: mnt.start, end: mnt.end, text: 'defaults' }];
  if (index > 0) return [{ start: spans[index - 1]!.end, end: spans[index]!.end, text: '' }];
  return [{ start: spans[0]!.start, end: spans[1]!.start, text: '' }];
}

/** Network block devices: a mount needs the network (and often a cluster service) first. */
export function networkDeviceKind(spec: string): string | undefined {
  if (/^\/dev\/drbd(\d+|\/)/.test(spec)) return 'DRBD';
  if (/^\/dev\/nbd\d+/.test(spec)) return 'NBD';
  if (/^\/dev\/rbd(\d+|\/)/.test(spec)) return 'Ceph RBD';
  if (/^\/dev\/disk\/by-path\/ip-.*-iscsi-/.test(spec)) return 'iSCSI';
  if (/^\/dev\/etherd\//.test(spec)) return 'ATA over Ethernet';
  return undefined;
}
