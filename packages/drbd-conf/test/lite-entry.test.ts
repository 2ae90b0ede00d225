import { join } from 'node:path';
import { describeZodFreeEntry } from '../../../test-support/entries.js';
import * as main from '../src/index.js';
import * as entry from '../src/lite.js';

describeZodFreeEntry({
  name: 'lite',
  src: join(import.meta.dirname, '../src'),
  main,
  entry,
  reaches: ['parse.ts', 'dump/dump.ts', 'lint/index.ts', 'emit.ts', 'model/build.ts', 'descriptor.ts'],
});
