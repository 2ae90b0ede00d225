/**
 * `@ftkit/borg-json/schema`: for you if you want zod schemas of borg's output (to validate or
 * derive types in your own code) or its JSON Schema. The JSON Schema is also shipped as files:
 * `schema/borg-json.schema.json` in the package, one definition per document kind and borg
 * generation, plus `item` and `log-object`.
 */
import { z } from 'zod';
import { documentSchemas } from './documents/schema.js';
import { BorgItemSchema } from './stream/item-schema.js';
import { LogObjectSchema } from './stream/log.js';

export {
  ArchiveInfoV1Schema,
  ArchiveInfoV2Schema,
  ArchiveListV1Schema,
  ArchiveListV2Schema,
  CacheV1Schema,
  CacheV2Schema,
  CreateArchiveV1Schema,
  CreateArchiveV2Schema,
  CreateV1Schema,
  CreateV2Schema,
  documentSchemas,
  EncryptionSchema,
  InfoArchiveV1Schema,
  InfoArchiveV2Schema,
  LimitsSchema,
  ListArchiveV1Schema,
  ListArchiveV2Schema,
  PruneArchiveSchema,
  PruneListSchema,
  RepoInfoV1Schema,
  RepoInfoV2Schema,
  RepositorySchema,
  StatsV1Schema,
  StatsV2Schema,
  TimestampSchema,
} from './documents/schema.js';
export { BorgItemSchema } from './stream/item-schema.js';
export {
  ArchiveProgressSchema,
  FileStatusSchema,
  LogMessageSchema,
  LogObjectSchema,
  ProgressMessageSchema,
  ProgressPercentSchema,
  QuestionSchema,
} from './stream/log.js';

/**
 * The JSON Schema (draft 2020-12) of every shape, keyed `<kind>-v<major>` (`create-v1`,
 * `archive-list-v2`, …), `item` and `log-object`; what `schema/borg-json.schema.json` holds.
 * Timestamps appear as strings (the input side of the zod schemas).
 */
export function jsonSchemas(): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [kind, byMajor] of Object.entries(documentSchemas))
    for (const [major, s] of Object.entries(byMajor))
      out[`${kind}-v${major}`] = z.toJSONSchema(s, { io: 'input' }) as Record<string, unknown>;
  out.item = z.toJSONSchema(BorgItemSchema, { io: 'input' }) as Record<string, unknown>;
  out['log-object'] = z.toJSONSchema(LogObjectSchema, { io: 'input' }) as Record<string, unknown>;
  return out;
}
