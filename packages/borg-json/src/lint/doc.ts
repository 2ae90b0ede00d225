import type { DocumentCst } from '../documents/parse.js';
import type { BorgDocument } from '../documents/schema.js';

/** What lint rules see: the parsed document and, on demand, its node tree for positions. */
export interface BorgLintDoc {
  readonly document: BorgDocument | undefined;
  readonly cst: () => DocumentCst;
}
