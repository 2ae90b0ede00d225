/** Documentation address of a rule. */
export const ruleUrl = (id: string): string => `https://ftkit.dev/rules/proc-drbd/${id}`;
