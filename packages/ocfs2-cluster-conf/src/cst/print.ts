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

function printLine(line: Line, parts: string[]): void {
  for (const t of line.tokens) parts.push(t.text);
}

/** Lossless printing: concatenates every token, so `print(parseCst(text)) === text`. */
export function print(doc: Document): string {
  const parts: string[] = doc.bom ? [doc.bom.text] : [];
  for (const item of doc.items) {
    if (item.type === 'stanza') {
      printLine(item.header, parts);
      for (const l of item.lines) printLine(l, parts);
    } else printLine(item, parts);
  }
  return parts.join('');
}
