import { z } from 'zod';
import { BorgTimestamp } from '../timestamp.js';

/**
 * zod schemas for every `--json` document borg prints, one set for 1.2/1.4 (`V1`) and one for
 * 2.0 betas (`V2`, b5 observed, later betas from source: keys that come and go between betas are
 * optional). Objects are loose: unknown keys are kept (and reported as `info` by `parse`).
 * Timestamps become {@link BorgTimestamp} values; `z.toJSONSchema(…, { io: 'input' })` shows
 * them as strings.
 */

const int = z.number().int();
const hex64 = z.string();

/** A borg timestamp text, parsed into a {@link BorgTimestamp}. */
export const TimestampSchema = z.string().transform((s, ctx) => {
  const t = BorgTimestamp.parse(s);
  if (!t) {
    ctx.addIssue({
      code: 'custom',
      message: `Expected a timestamp like \`2026-11-24T16:25:54.000000\`, found \`${s}\``,
    });
    return z.NEVER;
  }
  return t;
});

/** `repository`: present in every document. */
export const RepositorySchema = z.looseObject({
  id: hex64,
  location: z.string(),
  last_modified: TimestampSchema,
});

/** `encryption` (1.x and 2.0 up to b21: `mode`; b22+: `encryption` + `id_hash`). */
export const EncryptionSchema = z.looseObject({
  mode: z.string().optional(),
  encryption: z.string().optional(),
  id_hash: z.string().optional(),
  keyfile: z.string().optional(),
});

/** 1.x `cache` (no `path` with an ad-hoc cache). */
export const CacheV1Schema = z.looseObject({
  path: z.string().optional(),
  stats: z.looseObject({
    total_chunks: int,
    total_csize: int,
    total_size: int,
    total_unique_chunks: int,
    unique_csize: int,
    unique_size: int,
  }),
});

/** 2.0 `cache` (b5..b9 with 4 stats keys, b10+ `path` only). */
export const CacheV2Schema = z.looseObject({
  path: z.string().optional(),
  stats: z
    .looseObject({
      total_chunks: int,
      total_size: int,
      total_unique_chunks: int,
      unique_size: int,
    })
    .optional(),
});

/** 1.x archive `stats`. */
export const StatsV1Schema = z.looseObject({
  original_size: int,
  compressed_size: int,
  deduplicated_size: int,
  nfiles: int,
});

/** 2.0 archive `stats`. */
export const StatsV2Schema = z.looseObject({
  original_size: int,
  deduplicated_size: int.optional(),
  nfiles: int,
  hashing_time: z.number().optional(),
  chunking_time: z.number().optional(),
  files_stats: z.record(z.string(), int).optional(),
  store_stats: z.record(z.string(), z.number()).optional(),
});

/** 1.x `limits`. */
export const LimitsSchema = z.looseObject({ max_archive_size: z.number() });

const archiveV1Base = {
  name: z.string(),
  id: hex64,
  start: TimestampSchema,
  end: TimestampSchema,
  duration: z.number(),
  command_line: z.array(z.string()),
  limits: LimitsSchema,
  stats: StatsV1Schema,
};
const archiveV2Base = {
  name: z.string(),
  id: hex64,
  start: TimestampSchema,
  end: TimestampSchema,
  time: TimestampSchema.optional(),
  duration: z.number(),
  command_line: z.string(),
  stats: StatsV2Schema,
};
const chunkerParams = z.union([z.array(z.union([z.string(), int])), z.literal('')]);

/** 1.x `create --json` `archive`. */
export const CreateArchiveV1Schema = z.looseObject(archiveV1Base);
/** 2.0 `create --json` `archive`. */
export const CreateArchiveV2Schema = z.looseObject(archiveV2Base);

/** 1.x `info --json` archive entry. */
export const InfoArchiveV1Schema = z.looseObject({
  ...archiveV1Base,
  hostname: z.string(),
  username: z.string(),
  comment: z.string(),
  chunker_params: chunkerParams,
});
/** 2.0 `info --json` archive entry. */
export const InfoArchiveV2Schema = z.looseObject({
  ...archiveV2Base,
  hostname: z.string(),
  username: z.string(),
  comment: z.string(),
  chunker_params: chunkerParams,
  tags: z.array(z.string()).optional(),
  cwd: z.string().optional(),
});

/** 1.x `list --json` entry (extra keys through `--format`). */
export const ListArchiveV1Schema = z.looseObject({
  name: z.string(),
  archive: z.string(),
  barchive: z.string(),
  id: hex64,
  start: TimestampSchema,
  time: TimestampSchema,
  end: TimestampSchema.optional(),
  comment: z.string().optional(),
  bcomment: z.string().optional(),
  hostname: z.string().optional(),
  username: z.string().optional(),
  command_line: z.array(z.string()).optional(),
  tam: z.string().optional(),
});
/** 2.0 `rlist`/`repo-list --json` entry. */
export const ListArchiveV2Schema = z.looseObject({
  name: z.string(),
  archive: z.string(),
  id: hex64,
  start: TimestampSchema.optional(),
  time: TimestampSchema,
  end: TimestampSchema.optional(),
  comment: z.string().optional(),
  hostname: z.string().optional(),
  username: z.string().optional(),
  command_line: z.string().optional(),
  tags: z.string().optional(),
  size: int.optional(),
  nfiles: int.optional(),
});
/** 2.0 b22+ `prune --json` entry. */
export const PruneArchiveSchema = z.looseObject({
  ...ListArchiveV2Schema.shape,
  kept: z.boolean(),
  keep_rule: z.string().optional(),
  kept_oldest: z.boolean().optional(),
  kept_archive_number: int.optional(),
  deleted_archive_number: int.optional(),
});

/** 1.x `create --json` (also `import-tar --json`). */
export const CreateV1Schema = z.looseObject({
  archive: CreateArchiveV1Schema,
  cache: CacheV1Schema,
  encryption: EncryptionSchema,
  repository: RepositorySchema,
});
/** 2.0 `create --json`. */
export const CreateV2Schema = z.looseObject({
  archive: CreateArchiveV2Schema,
  cache: CacheV2Schema,
  encryption: EncryptionSchema,
  repository: RepositorySchema,
});
/** 1.x `info --json REPO`. */
export const RepoInfoV1Schema = z.looseObject({
  cache: CacheV1Schema,
  encryption: EncryptionSchema,
  repository: RepositorySchema,
  security_dir: z.string(),
});
/** 2.0 `rinfo`/`repo-info --json`. */
export const RepoInfoV2Schema = z.looseObject({
  cache: CacheV2Schema,
  encryption: EncryptionSchema,
  repository: RepositorySchema,
  security_dir: z.string().optional(),
});
/** 1.x `info --json REPO::ARCH` / `--last N`. */
export const ArchiveInfoV1Schema = z.looseObject({
  archives: z.array(InfoArchiveV1Schema),
  cache: CacheV1Schema,
  encryption: EncryptionSchema,
  repository: RepositorySchema,
});
/** 2.0 `info --json`. */
export const ArchiveInfoV2Schema = z.looseObject({
  archives: z.array(InfoArchiveV2Schema),
  cache: CacheV2Schema,
  encryption: EncryptionSchema,
  repository: RepositorySchema,
});
/** 1.x `list --json REPO`. */
export const ArchiveListV1Schema = z.looseObject({
  archives: z.array(ListArchiveV1Schema),
  encryption: EncryptionSchema,
  repository: RepositorySchema,
});
/** 2.0 `rlist`/`repo-list --json`. */
export const ArchiveListV2Schema = z.looseObject({
  archives: z.array(ListArchiveV2Schema),
  encryption: EncryptionSchema,
  repository: RepositorySchema,
});
/** 2.0 b22+ `prune --json`. */
export const PruneListSchema = z.looseObject({
  archives: z.array(PruneArchiveSchema),
  encryption: EncryptionSchema,
  repository: RepositorySchema,
});

/** The `repository` object of a `--json` document (id, location, last_modified). */
export type Repository = z.output<typeof RepositorySchema>;
/** The `encryption` object of a `--json` document (mode, and keyfile path where borg prints one). */
export type Encryption = z.output<typeof EncryptionSchema>;
/** The `cache` object of borg 1.x (path and the repository-wide `stats`). */
export type CacheV1 = z.output<typeof CacheV1Schema>;
/** The `cache` object of borg 2.0 betas (path and the repository-wide `stats`, fewer keys than 1.x). */
export type CacheV2 = z.output<typeof CacheV2Schema>;
/** What `borg create --json` prints in 1.2 / 1.4. */
export type CreateV1 = z.output<typeof CreateV1Schema>;
/** What `borg create --json` prints in the 2.0 betas. */
export type CreateV2 = z.output<typeof CreateV2Schema>;
/** What `borg info --json REPO` prints in 1.2 / 1.4. */
export type RepoInfoV1 = z.output<typeof RepoInfoV1Schema>;
/** What `borg repo-info --json` (`rinfo`) prints in the 2.0 betas. */
export type RepoInfoV2 = z.output<typeof RepoInfoV2Schema>;
/** What `borg info --json REPO::ARCHIVE` (or `--last N`) prints in 1.2 / 1.4. */
export type ArchiveInfoV1 = z.output<typeof ArchiveInfoV1Schema>;
/** What `borg info --json` for archives prints in the 2.0 betas. */
export type ArchiveInfoV2 = z.output<typeof ArchiveInfoV2Schema>;
/** What `borg list --json REPO` prints in 1.2 / 1.4. */
export type ArchiveListV1 = z.output<typeof ArchiveListV1Schema>;
/** What `borg rlist --json` / `borg repo-list --json` prints in the 2.0 betas. */
export type ArchiveListV2 = z.output<typeof ArchiveListV2Schema>;
/** What `borg prune --list --json` prints in 2.0 b22 and later. */
export type PruneList = z.output<typeof PruneListSchema>;
/** One line of `borg list --json-lines REPO::ARCHIVE` in 1.2 / 1.4 (default keys plus any `--format` keys). */
export type ListArchiveV1 = z.output<typeof ListArchiveV1Schema>;
/** One line of `borg list --json-lines` in the 2.0 betas (default keys plus any `--format` keys). */
export type ListArchiveV2 = z.output<typeof ListArchiveV2Schema>;

/** Which `--json` document: `create`, repository `info`, archive `info`, archive list, b22 `prune`. */
export type DocumentKind = 'create' | 'repo-info' | 'archive-info' | 'archive-list' | 'prune';
/** Borg generation: `1` = 1.2/1.4, `2` = 2.0 betas. */
export type BorgMajor = 1 | 2;

/** The schema for a document kind and generation. */
export const documentSchemas = {
  create: { 1: CreateV1Schema, 2: CreateV2Schema },
  'repo-info': { 1: RepoInfoV1Schema, 2: RepoInfoV2Schema },
  'archive-info': { 1: ArchiveInfoV1Schema, 2: ArchiveInfoV2Schema },
  'archive-list': { 1: ArchiveListV1Schema, 2: ArchiveListV2Schema },
  prune: { 1: PruneListSchema, 2: PruneListSchema },
} as const;

/** A typed document, discriminated by `kind` and `major`. */
export type BorgDocument =
  | { kind: 'create'; major: 1; data: CreateV1 }
  | { kind: 'create'; major: 2; data: CreateV2 }
  | { kind: 'repo-info'; major: 1; data: RepoInfoV1 }
  | { kind: 'repo-info'; major: 2; data: RepoInfoV2 }
  | { kind: 'archive-info'; major: 1; data: ArchiveInfoV1 }
  | { kind: 'archive-info'; major: 2; data: ArchiveInfoV2 }
  | { kind: 'archive-list'; major: 1; data: ArchiveListV1 }
  | { kind: 'archive-list'; major: 2; data: ArchiveListV2 }
  | { kind: 'prune'; major: 2; data: PruneList };
