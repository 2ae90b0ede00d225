import { literal, P, type Parser, runParser, tokenText } from '@ftkit/core/parsimmon';
import type { DrbdAddress } from '../schema.js';

// Value grammars written with parsimmon (reached through `@ftkit/core/parsimmon`), for values
// read off the hot path: builder input, never the configuration file. `parse` keeps its
// hand-written value readers (cst/lexer.ts tokens, `scaledValue`): parsimmon costs 1.3–1.8 µs
// per value against 0.07 µs for the regexp, and a 10,000-resource file has 60,000 such values
// (parse went from 323 to 497 ms; docs/performance.md).

/** `[IP]:PORT` (the IPv6 form) of a builder's address string. */
const bracketedAddress: Parser<DrbdAddress> = P.seqMap(
  literal('['),
  tokenText(/[^\]]+/, 'an IPv6 address'),
  literal(']:'),
  // no line terminators in the port, as the replaced `(.+)$` had (`.` stops at `\n`)
  tokenText(/.+/, 'a port'),
  (_open, ip, _close, port) => ({ family: 'ipv6', ip, port }),
);

/** `IP:PORT`, split at the last `:`; without a `:` the port is empty (the schema rejects it). */
const plainAddress: Parser<DrbdAddress> = tokenText(/[^:]*/, 'an address')
  .sepBy1(literal(':'))
  .map((parts) =>
    parts.length === 1
      ? { ip: parts[0]!, port: '' }
      : { ip: parts.slice(0, -1).join(':'), port: parts.at(-1)! },
  );

/** A builder's address string: `[IPv6]:PORT`, else `IP:PORT`. Matches every string. */
export const addressTextGrammar: Parser<DrbdAddress> = P.alt(bracketedAddress.skip(P.eof), plainAddress);

/** Reads `text` with `grammar` as a whole; `undefined` when it does not match. */
export function readValue<T>(grammar: Parser<T>, text: string): T | undefined {
  const r = runParser(grammar, text);
  return r.ok ? r.value : undefined;
}
