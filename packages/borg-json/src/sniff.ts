/** What a text looks like: one `--json` document, `--json-lines` items or a `--log-json` stream. */
export type BorgTextKind = 'document' | 'items' | 'log' | 'unknown';

/** Cheap sniffing of a text's kind (first line only). */
export function sniffBorgText(text: string): BorgTextKind {
  const t = text.trimStart();
  if (
    t.startsWith('{\n') ||
    t.startsWith('{\r\n') ||
    /^\{\s*"(?:archive|archives|cache|encryption|repository)"/.test(t)
  ) {
    if (/"repository"\s*:\s*\{/.test(t.slice(0, 200_000))) return 'document';
  }
  const nl = t.indexOf('\n');
  const first = nl === -1 ? t : t.slice(0, nl);
  if (
    /^\{"type": "(?:log_message|file_status|archive_progress|progress_message|progress_percent|question_\w+)"/.test(
      first,
    ) ||
    /"type": "(?:log_message|progress_|question_)/.test(first)
  )
    return 'log';
  if (/^\{.*"(?:path|mode)": /.test(first) && /"type": "/.test(first)) return 'items';
  if (/"levelname": "/.test(first) || /^(?:usage: borg|Warning: |Enter passphrase)/.test(first)) return 'log';
  return 'unknown';
}
