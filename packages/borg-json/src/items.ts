/**
 * `@ftkit/borg-json/items`: only the `--json-lines` item reader and the line emitter, without zod
 * and the document schemas, for processes that stream millions of items and count every megabyte
 * (importing the full package costs about 23 MB of RSS, mostly zod).
 */
export type { BadLinePolicy, BorgItem, ReadItemsOptions } from './stream/items.js';
export { emitItems, emitLine, ITEM_KEY_NAMES, ItemReader, parseItems, readItems } from './stream/items.js';
export type { LineOptions, SourceLine, TextSource } from './stream/lines.js';
