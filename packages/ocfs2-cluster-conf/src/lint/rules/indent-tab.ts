import type { TextEdit } from '@ftkit/core';
import { defineRule } from '@ftkit/core';
import type { AttributeLine } from '../../cst/types.js';
import { type ClusterConfDoc, ruleUrl } from '../types.js';

/** How an indent is shown in a message (`none` for an attribute in column 1). */
function shown(a: AttributeLine): string {
  return a.indent.text === '' ? 'none' : `\`${a.indent.text.replace(/\t/g, '\\t')}\``;
}

/** Replaces every indent of `lines` with one TAB. */
function fixAll(lines: readonly AttributeLine[]): TextEdit[] {
  return lines.map((a) => ({ start: a.indent.start, end: a.indent.end, text: '\t' }));
}

/**
 * CC-SPACES-INDENT: o2cb reads any blanks, but writes (and its man page asks for) one TAB.
 * Indentation is a habit of whoever wrote the file, so it is reported once: for the whole file
 * when every attribute line has the same other indent, else once per stanza that has one.
 */
export const indentTab = defineRule<ClusterConfDoc>()({
  meta: {
    id: 'indent-tab',
    description: 'Asks for a single TAB as indentation, as o2cb writes and its man page demands',
    defaultSeverity: 'info',
    fixable: true,
    url: ruleUrl('indent-tab'),
    messages: {
      indent: 'Expected one TAB as indentation, found {{found}}',
      stanza: 'Expected one TAB as indentation, found {{found}} on {{count}} lines of this stanza',
      file: 'Expected one TAB as indentation, found {{found}} on all {{count}} attribute lines',
    },
  },
  check(ctx) {
    const perStanza: AttributeLine[][] = [];
    let total = 0;
    for (const v of ctx.doc.links.stanzas) {
      total += v.attributes.length;
      const bad = v.attributes.filter((a) => a.indent.text !== '\t');
      if (bad.length > 0) perStanza.push(bad);
    }
    const all = perStanza.flat();
    const first = all[0];
    if (!first) return;
    if (
      perStanza.length > 1 &&
      all.length === total &&
      all.every((a) => a.indent.text === first.indent.text)
    ) {
      ctx.report({
        messageId: 'file',
        data: { found: shown(first), count: String(all.length) },
        span: first.indent,
        fix: fixAll(all),
      });
      return;
    }
    for (const bad of perStanza) {
      const a = bad[0]!;
      ctx.report({
        messageId: bad.length === 1 ? 'indent' : 'stanza',
        data: { found: shown(a), count: String(bad.length) },
        span: a.indent,
        fix: fixAll(bad),
      });
    }
  },
});
