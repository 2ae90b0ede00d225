import type { Document, Line, Stanza, Token, TopItem } from './types.js';

/** Every token of a line or stanza, in source order. */
export function* tokensOf(node: Line | Stanza | TopItem): Generator<Token> {
  if (node.type === 'stanza') {
    yield* node.header.tokens;
    for (const l of node.lines) yield* l.tokens;
  } else {
    yield* node.tokens;
  }
}

/** Every line of the document in source order (stanza headers and their lines included). */
export function* linesOf(doc: Document): Generator<Line> {
  for (const item of doc.items) {
    if (item.type === 'stanza') {
      yield item.header;
      yield* item.lines;
    } else {
      yield item;
    }
  }
}

/** Lossless printing: concatenates every token, so `print(parseCst(text)) === text`. */
export function print(doc: Document): string {
  let out = doc.bom ? doc.bom.text : '';
  for (const line of linesOf(doc)) for (const t of line.tokens) out += t.text;
  return out;
}
