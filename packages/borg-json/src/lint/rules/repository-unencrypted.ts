import { defineRule } from '@ftkit/core';
import { findNodeAtLocation } from 'jsonc-parser';
import type { BorgLintDoc } from '../doc.js';

const CLEAR = /^(?:none|authenticated(?:-blake2)?)$/;

/** Warns when a document shows a repository whose data borg stores without encryption. */
export const repositoryUnencrypted = defineRule<BorgLintDoc>()({
  meta: {
    id: 'repository-unencrypted',
    description: 'Repositories encrypt their data (encryption mode is not `none` or `authenticated*`)',
    defaultSeverity: 'warning',
    fixable: false,
    url: 'https://github.com/ftkit/ftkit/blob/main/docs/rules/borg-json/repository-unencrypted.md',
    messages: {
      clear: 'Unexpected encryption `{{mode}}`: repository `{{location}}` stores backups unencrypted',
    },
  },
  check(ctx) {
    const doc = ctx.doc.document;
    if (!doc) return;
    const enc = doc.data.encryption as Record<string, unknown>;
    const key = typeof enc.mode === 'string' ? 'mode' : 'encryption';
    const mode = enc[key];
    if (typeof mode !== 'string' || !CLEAR.test(mode)) return;
    const tree = ctx.doc.cst().tree;
    const node = tree ? findNodeAtLocation(tree, ['encryption', key]) : undefined;
    ctx.report({
      messageId: 'clear',
      data: { mode, location: String((doc.data.repository as { location?: unknown }).location ?? '') },
      span: node ? { start: node.offset, end: node.offset + node.length } : { start: 0, end: 0 },
      note: 'Anyone who can read the repository can read the files; use repokey or keyfile modes',
    });
  },
});
