import type { StatusSource } from './model.js';

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
