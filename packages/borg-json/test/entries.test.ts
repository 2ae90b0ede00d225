import { join } from 'node:path';
import { describeZodFreeEntry } from '../../../test-support/entries.js';
import * as main from '../src/index.js';
import * as items from '../src/items.js';
import * as lite from '../src/lite.js';

const src = join(import.meta.dirname, '../src');

describeZodFreeEntry({
  name: 'lite',
  src,
  main,
  entry: lite,
  reaches: ['command/build.ts', 'prune/plan.ts', 'stream/items.ts'],
});

describeZodFreeEntry({ name: 'items', src, main, entry: items, reaches: ['stream/items.ts'] });
