import type { FstabCst } from './types.js';

/** The exact text a CST was parsed from: `print(parseCst(text)) === text` for every string. */
export function print(cst: FstabCst): string {
  let out = '';
  for (const line of cst.lines) out += line.raw + line.newline;
  return out;
}
