import type { DiagnosticCollector } from '@ftkit/core';
import { CODES } from '../diagnostics.js';
import type { DrbdConfig } from '../schema.js';

/**
 * What drbdadm-83 checks after parsing that 8.4 does not: every resource needs a protocol, at
 * resource level or in `common` ("in resource R: protocol definition missing").
 */
export function checkEightThree(
  model: DrbdConfig,
  diagnosticsFor: (file: string | undefined) => DiagnosticCollector,
) {
  for (const r of model.resources) {
    if (r.protocol !== undefined || model.common?.protocol !== undefined) continue;
    const at = r.span ?? { start: 0, end: 0 };
    diagnosticsFor(r.file).error(
      CODES.semantic,
      `Missing \`protocol\` in resource \`${r.name}\`: DRBD 8.3 needs \`protocol A;\`, \`B;\` or \`C;\` in the resource or in \`common\``,
      { start: at.start, end: at.start + 'resource'.length },
    );
  }
}
