// Writes config.schema.json (shipped as `@ftkit/drbd-conf/config.schema.json`) from the built
// `./schema` entry: run `npm run json-schema` after `npm run build` when the zod schemas change.
// test/entries.test.ts fails while the file and `configJsonSchema()` differ.
import { writeFileSync } from 'node:fs';
import { configJsonSchema } from '../dist/schema-entry.js';

writeFileSync(
  new URL('../config.schema.json', import.meta.url),
  `${JSON.stringify(configJsonSchema(), null, 2)}\n`,
);
