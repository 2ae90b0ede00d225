/**
 * CPU time (user + system, not wall time) of the fastest of `runs` calls of `f`, in ms. The test
 * machines are shared: a busy neighbour stretches wall time but barely changes the CPU time the
 * code itself needs, so speed checks use this.
 */
export function bestCpuMs(f: () => unknown, runs = 3): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    f();
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1000);
  }
  return best;
}

/**
 * CPU time (ms, best of three) of `f(small)` and `f(big)` after one warm-up call of `f(small)`:
 * for checks that work grows linearly (`big / small` near `bigN / smallN`, not its square). Small
 * inputs need the warm-up, or they measure the JIT's tiers instead of the code.
 */
export function cpuGrowth(
  f: (n: number) => unknown,
  smallN: number,
  bigN: number,
): { small: number; big: number } {
  f(smallN);
  return { small: bestCpuMs(() => f(smallN)), big: bestCpuMs(() => f(bigN)) };
}
