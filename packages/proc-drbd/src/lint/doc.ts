import type { Span } from '@ftkit/core';
import type { DrbdStatus, StatusSource } from '../model.js';

/** What health-check rules receive: the normalised status plus a way to point into the text. */
export interface StatusDoc {
  readonly status: DrbdStatus;
  readonly source: StatusSource | null;
  readonly text: string;
  /** Helper programs events2 reported as called (`split-brain`, `pri-lost-after-sb` …), by resource. */
  readonly helperCalls: readonly { readonly resource: string; readonly helper: string }[];
  /** The span that best shows a resource (or one of its connections) in the text. */
  locate(resource: string, connection?: string): Span;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Builds a {@link StatusDoc} whose `locate` searches the text the way each source names objects. */
export function makeStatusDoc(
  status: DrbdStatus,
  source: StatusSource | null,
  text: string,
  helperCalls: StatusDoc['helperCalls'] = [],
): StatusDoc {
  const lineAt = (index: number): Span => {
    const end = text.indexOf('\n', index);
    return { start: index, end: end === -1 ? text.length : end };
  };
  const find = (re: RegExp, last = false): Span | undefined => {
    let hit: RegExpExecArray | null = null;
    const g = new RegExp(re.source, 'gm');
    for (let m = g.exec(text); m; m = g.exec(text)) {
      hit = m;
      if (!last) break;
      if (m[0].length === 0) g.lastIndex++;
    }
    return hit ? lineAt(hit.index) : undefined;
  };
  return {
    status,
    source,
    text,
    helperCalls,
    locate(resource, connection) {
      let s: Span | undefined;
      if (source === 'proc-drbd') {
        const minor = /^drbd(\d+)$/.exec(resource)?.[1];
        if (minor !== undefined) s = find(new RegExp(`^ *${minor}: cs:`));
      } else if (source === 'status-text') {
        const res = find(new RegExp(`^${escapeRe(resource)} `));
        if (res && connection !== undefined) {
          const g = new RegExp(`^  ${escapeRe(connection)}( |$)`, 'gm');
          g.lastIndex = res.start;
          const m = g.exec(text);
          s = m ? lineAt(m.index) : res;
        } else s = res;
      } else if (source === 'events2') {
        const conn =
          connection !== undefined ? ` peer-node-id:\\S+ conn-name:${escapeRe(connection)}\\b` : '';
        s = find(new RegExp(`^.*\\bname:${escapeRe(resource)}${conn}(?: |$).*$`), true);
        s ??= find(new RegExp(`^.*\\bname:${escapeRe(resource)}(?: |$).*$`), true);
      } else if (source === 'status-json') {
        const i = text.indexOf(`"name": ${JSON.stringify(resource)}`);
        if (i !== -1) {
          s = { start: i, end: i + `"name": ${JSON.stringify(resource)}`.length };
          if (connection !== undefined) {
            const j = text.indexOf(`"name": ${JSON.stringify(connection)}`, i + 1);
            if (j !== -1) s = { start: j, end: j + `"name": ${JSON.stringify(connection)}`.length };
          }
        }
      }
      return s ?? { start: 0, end: 0 };
    },
  };
}
