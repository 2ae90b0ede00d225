/** Documentation address of a rule. */
export const ruleUrl = (id: string): string =>
  `https://github.com/ftkit/ftkit/blob/main/docs/rules/proc-drbd/${id}.md`;
