import type { Diagnostic } from '@ftkit/core';
import type { LabSpec } from './spec.js';

// Kept apart from validate-spec.ts (which loads zod) so that `lab generate` with the built-in
// spec and the cross-file rules need no schema at run time.

/** Where lab spec diagnostics come from. */
export const LAB_SOURCE = '@ftkit/lab';

/** The result of reading a lab spec: the spec when valid, and every problem with its place. */
export interface LoadSpecResult {
  /** The spec with defaults filled in; `undefined` when there are errors. */
  readonly spec: LabSpec | undefined;
  readonly diagnostics: readonly Diagnostic[];
}
