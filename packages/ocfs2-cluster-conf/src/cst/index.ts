export { decodeValue, isIdent, isIdentCode, parseCst } from './parse-cst.js';
export { linesOf, print, tokensOf } from './print.js';
export type * from './types.js';
