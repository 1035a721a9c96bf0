/**
 * R5: how many of `total` contacts each target receives when they are dealt in turn, which is
 * how the backend moves them. The first `total % n` targets receive one more than the rest.
 */
export function splitEvenly(total: number, targetIds: readonly string[]): Record<string, number> {
  const n = targetIds.length;
  return Object.fromEntries(targetIds.map((id, i) => [id, n === 0 ? 0 : Math.floor(total / n) + (i < total % n ? 1 : 0)]));
}
