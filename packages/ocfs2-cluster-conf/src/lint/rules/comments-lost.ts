import { defineRule } from '@ftkit/core';
import { linesOf } from '../../cst/print.js';
import { type ClusterConfDoc, ruleUrl } from '../types.js';

/** CC-COMMENTS-LOST: any o2cb command that changes the file drops every comment. */
export const commentsLost = defineRule<ClusterConfDoc>()({
  meta: {
    id: 'comments-lost',
    description: 'Notes that o2cb drops comments whenever one of its commands rewrites the file',
    defaultSeverity: 'info',
    fixable: false,
    url: ruleUrl('comments-lost'),
    messages: {
      lost: 'Comments are lost when o2cb rewrites this file ({{count}} comment lines)',
    },
  },
  check(ctx) {
    const comments = [...linesOf(ctx.doc.cst)].filter((l) => l.type === 'comment');
    const first = comments[0];
    if (first?.type !== 'comment') return;
    ctx.report({
      messageId: 'lost',
      data: { count: comments.length },
      span: first.comment,
      note: 'Edit the file with ftkit (or by hand) instead of `o2cb add-node`/`heartbeat-mode`, or keep notes elsewhere',
    });
  },
});
