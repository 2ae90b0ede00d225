import { join } from 'node:path';
import {
  emit,
  emitLine,
  lint,
  logEventObject,
  parse,
  parseItems,
  parseLog,
  sniffBorgText,
} from '@ftkit/borg-json';
import { formatDiagnosticLine } from '@ftkit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCreate, buildInit, buildList } from '../../src/command/build.js';
import { formatPruneLines, planPrune, pruneArchivesFrom } from '../../src/prune/plan.js';
import {
  makeHistory,
  makeTree,
  randomPolicy,
  randomTimes,
  realPruneLines,
  requireTool,
  rng,
  runTool,
  scratch,
} from './harness.js';

const ITEM_FORMAT_V1 =
  '{type}{mode}{uid}{gid}{user}{group}{path}{source}{linktarget}{flags}{size}{csize}{dsize}{dcsize}{num_chunks}{unique_chunks}{mtime}{ctime}{atime}{isomtime}{isoctime}{isoatime}{md5}{sha1}{sha256}{sha512}{blake2b}{xxh64}';
const ITEM_FORMAT_V2 =
  '{type}{mode}{uid}{gid}{user}{group}{path}{target}{hlid}{flags}{size}{dsize}{num_chunks}{unique_chunks}{mtime}{ctime}{atime}{isomtime}{isoctime}{isoatime}{md5}{sha1}{sha256}{sha512}{blake2b}{xxh64}';

function checkDocument(text: string, major: 1 | 2, kind: string) {
  const r = parse(text);
  expect(r.diagnostics.map(formatDiagnosticLine)).toEqual([]);
  expect(r.model?.kind).toBe(kind);
  expect(r.model?.major).toBe(major);
  expect(emit(r.model!)).toBe(text);
}

function checkLines(text: string) {
  const r = parseItems(text);
  expect(r.diagnostics.map(formatDiagnosticLine)).toEqual([]);
  expect(r.items.length).toBeGreaterThan(5);
  expect(r.items.map((i) => emitLine(i))).toEqual(text.split('\n').filter(Boolean));
  return r.items;
}

function checkLog(text: string) {
  const r = parseLog(text);
  expect(r.diagnostics.filter((d) => d.severity !== 'info').map(formatDiagnosticLine)).toEqual([]);
  const json = text.split('\n').filter((l) => l.startsWith('{'));
  expect(json.length).toBeGreaterThan(0);
  expect(
    r.records.flatMap((x) => {
      const o = logEventObject(x.event);
      return o ? [emitLine(o)] : [];
    }),
  ).toEqual(json);
}

/** The fast conformance suite against one real tool (called by one test file per tool, so they run in parallel). */
export function conformanceSuite(tool: 'borg' | 'borg2'): void {
  const v = tool === 'borg' ? '1.2' : '2.0';
  const major = tool === 'borg' ? 1 : 2;
  describe(`real ${tool}: capture, parse, re-emit`, () => {
    const { root, env } = scratch(tool);
    const repo = join(root, 'repo');
    const base = { repo, borgVersion: v, binary: tool };
    beforeAll(() => {
      requireTool(tool);
      makeTree(root);
      const r = runTool(
        buildInit({ ...base, encryption: tool === 'borg' ? 'repokey' : 'repokey-aes-ocb' }),
        env,
        root,
      );
      expect(r.status, r.stderr).toBe(0);
    }, 120_000);

    it('create --json --log-json --progress --list, info, list, json-lines', () => {
      const c = runTool(
        buildCreate({
          ...base,
          archive: 'ärchive 1',
          paths: ['data'],
          json: true,
          list: true,
          logJson: true,
          progress: true,
          comment: 'with "quotes"',
        }),
        env,
        root,
      );
      expect(c.status, c.stderr).toBe(0);
      checkDocument(c.stdout, major, 'create');
      checkLog(c.stderr);
      // A --progress stream starts with archive_progress (`original_size` first, and a `path`):
      // it is a log, not --json-lines items.
      expect(sniffBorgText(c.stderr)).toBe('log');
      expect(
        lint(c.stderr, { fileName: 'create.txt' }).diagnostics.filter((d) => d.severity === 'error'),
      ).toEqual([]);
      const info = runTool(
        tool === 'borg' ? [tool, 'info', '--json', repo] : [tool, '-r', repo, 'rinfo', '--json'],
        env,
        root,
      );
      checkDocument(info.stdout, major, 'repo-info');
      const ainfo = runTool(
        tool === 'borg'
          ? [tool, 'info', '--json', `${repo}::ärchive 1`]
          : [tool, '-r', repo, 'info', '--json', '-a', 'ärchive 1'],
        env,
        root,
      );
      checkDocument(ainfo.stdout, major, 'archive-info');
      const list = runTool(buildList({ ...base, json: true }), env, root);
      checkDocument(list.stdout, major, 'archive-list');
      const items = checkLines(
        runTool(buildList({ ...base, archive: 'ärchive 1', jsonLines: true }), env, root).stdout,
      );
      expect(items.some((i) => i.path.endsWith('ünïcødé-文件.txt'))).toBe(true);
      expect(items.some((i) => i.type === 'l')).toBe(true);
      expect(items.some((i) => i.type === 'p')).toBe(true);
      checkLines(
        runTool(
          buildList({
            ...base,
            archive: 'ärchive 1',
            jsonLines: true,
            format: tool === 'borg' ? ITEM_FORMAT_V1 : ITEM_FORMAT_V2,
          }),
          env,
          root,
        ).stdout,
      );
      const missing = runTool(
        buildList({ ...base, archive: 'no-such', jsonLines: true, logJson: true }),
        env,
        root,
      );
      expect(missing.status).toBe(2);
      checkLog(missing.stderr);
    }, 120_000);
  });

  describe(`real ${tool} prune --dry-run --list agrees with planPrune`, () => {
    const { root, env } = scratch(`${tool}-prune`);
    const repo = join(root, 'prune');
    const rand = rng(tool === 'borg' ? 7 : 11);
    beforeAll(() => {
      requireTool(tool);
      makeTree(root);
      const times = randomTimes(rand, 6, new Date());
      makeHistory(
        tool,
        repo,
        env,
        root,
        times.map((t, i) => ({ name: `backup-${i}`, utc: t })),
      );
    }, 180_000);
    for (const tz of ['Europe/Berlin', 'America/New_York']) {
      it(`under TZ=${tz}`, () => {
        const policy = randomPolicy(rand);
        const e = { ...env, TZ: tz };
        const real = realPruneLines(tool, repo, e, policy);
        const list = parse(runTool(buildList({ repo, json: true, borgVersion: v, binary: tool }), e).stdout);
        expect(list.model).toBeDefined();
        const plan = planPrune(pruneArchivesFrom(list.model!.data as never), policy, {
          borgVersion: v,
          timeZone: tz,
          now: real.now,
        });
        expect(formatPruneLines(plan), JSON.stringify(policy)).toEqual(real.lines);
      }, 60_000);
    }
  });
}
