/** What a text looks like: one `--json` document, `--json-lines` items or a `--log-json` stream. */
export type BorgTextKind = 'document' | 'items' | 'log' | 'unknown';

/**
 * The `type` values of `--log-json` objects. Items of `--json-lines` have a one-character
 * `type` (`d`, `-`, `l`, …), so the two never collide, whatever keys come first: borg 1.2's
 * `archive_progress` starts with `original_size` and also has a `path`.
 */
const LOG_TYPE_RE =
  /^(?:log_message|file_status|archive_progress|progress_message|progress_percent|question_[a-z_]+)$/;

/** A name that says what the file holds (`x.borg-log.jsonl`, `x.log.jsonl`, `x.borg.jsonl`). */
function kindByName(fileName: string | undefined): BorgTextKind | undefined {
  if (fileName === undefined) return undefined;
  const base = fileName.slice(fileName.lastIndexOf('/') + 1).toLowerCase();
  if (base.endsWith('.borg-log.jsonl') || base.endsWith('.log.jsonl')) return 'log';
  if (base.endsWith('.borg.jsonl')) return 'items';
  return undefined;
}

/** The kind of one stream line, from its `type` (`undefined` when the line says nothing). */
function lineKind(line: string): BorgTextKind | undefined {
  if (line.charCodeAt(0) !== 123 || line.length > 65_536) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const type = (v as { type?: unknown }).type;
  if (typeof type !== 'string') return undefined;
  if (LOG_TYPE_RE.test(type)) return 'log';
  if ('path' in v || 'mode' in v) return 'items';
  return undefined;
}

/**
 * Cheap sniffing of a text's kind: a file name ending in `.borg-log.jsonl` or `.log.jsonl` is a
 * `--log-json` stream and `.borg.jsonl` is `--json-lines` items, whatever the content; otherwise
 * the first line decides (a log object by its `type`, an item by `type` plus `path`/`mode`, a
 * document by its opening brace and `repository` key, and plain text borg prints on stderr).
 */
export function sniffBorgText(text: string, fileName?: string): BorgTextKind {
  const named = kindByName(fileName);
  if (named !== undefined) return named;
  const t = text.trimStart();
  if (
    t.startsWith('{\n') ||
    t.startsWith('{\r\n') ||
    /^\{\s*"(?:archive|archives|cache|encryption|repository)"/.test(t)
  ) {
    if (/"repository"\s*:\s*\{/.test(t.slice(0, 200_000))) return 'document';
  }
  const nl = t.indexOf('\n');
  const first = (nl === -1 ? t : t.slice(0, nl)).replace(/\r$/, '');
  const byLine = lineKind(first);
  if (byLine !== undefined) return byLine;
  if (/"type": "(?:log_message|progress_|question_|archive_progress|file_status)/.test(first)) return 'log';
  if (/^\{.*"(?:path|mode)": /.test(first) && /"type": "/.test(first)) return 'items';
  if (/"levelname": "/.test(first) || /^(?:usage: borg|Warning: |Enter passphrase)/.test(first)) return 'log';
  return 'unknown';
}
