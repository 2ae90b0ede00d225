import { join } from 'node:path';
import { parse } from '@ftkit/borg-json';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildList } from '../../src/command/build.js';
import { archiveGlob, formatPruneLines, planPrune } from '../../src/prune/plan.js';
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
} from '../conformance/harness.js';

/**
 * Many random archive histories × random policies against the real tools, under two time zones.
 * Creating archives is slow (~1-2 s each), so one repository holds all histories: each archive
 * name carries one `x`/`o` marker per history, and history k is selected with the glob
 * `h-<k times ?>x*` (`--glob-archives` / `-a sh:`), exactly as borg itself selects.
 */
const PLAN: Record<'borg' | 'borg2', { archives: number; histories: number; version: string }> = {
  borg: { archives: 70, histories: 50, version: '1.2' },
  borg2: { archives: 40, histories: 25, version: '2.0' },
};

for (const tool of ['borg', 'borg2'] as const) {
  const { archives, histories, version } = PLAN[tool];
  describe(`${tool}: ${histories} random histories × random policies × 2 time zones`, () => {
    const { root, env } = scratch(`${tool}-slow-prune`);
    const repo = join(root, 'repo');
    const rand = rng(tool === 'borg' ? 2024 : 2025);
    const schedule: { name: string; utc: Date }[] = [];
    const ids = new Map<string, string>();
    beforeAll(() => {
      requireTool(tool);
      makeTree(root);
      const times = randomTimes(rand, archives, new Date());
      times.forEach((utc, i) => {
        let marks = '';
        for (let k = 0; k < histories; k++) marks += rand() < 0.55 ? 'x' : 'o';
        schedule.push({ name: `h-${marks}-${i}`, utc });
      });
      makeHistory(tool, repo, env, root, schedule);
      const list = parse(
        runTool(buildList({ repo, json: true, borgVersion: version, binary: tool }), env).stdout,
      );
      for (const a of (list.model!.data as { archives: { name: string; id: string }[] }).archives)
        ids.set(a.name, a.id);
      expect(ids.size).toBe(archives);
    }, 900_000);

    for (let k = 0; k < histories; k++) {
      for (const tz of ['Europe/Berlin', 'America/Sao_Paulo']) {
        it(`history ${k}, TZ=${tz}`, () => {
          const policy = randomPolicy(rand);
          const glob = `h-${'?'.repeat(k)}x*`;
          const re = archiveGlob(glob);
          const real = realPruneLines(tool, repo, { ...env, TZ: tz }, policy, glob);
          const mine = planPrune(
            schedule
              .filter((a) => re.test(a.name))
              .map((a) => ({ name: a.name, id: ids.get(a.name)!, time: a.utc })),
            policy,
            { borgVersion: version, timeZone: tz, now: real.now },
          );
          expect(formatPruneLines(mine), `${glob} ${JSON.stringify(policy)}`).toEqual(real.lines);
        }, 60_000);
      }
    }
  });
}
