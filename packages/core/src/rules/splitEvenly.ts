/**
 * R5: how many of `total` contacts each target receives when they are dealt in turn, which is
 * how the backend moves them: the first `total % n` targets receive one more than the rest. The
 * same shape as `ReassignContactsResult.moved`, so a preview and its result compare as they are.
 */
export function splitEvenly(total: number, targetIds: readonly string[]): { userId: string; contacts: number }[] {
  const n = targetIds.length;
  return targetIds.map((userId, i) => ({ userId, contacts: n === 0 ? 0 : Math.floor(total / n) + (i < total % n ? 1 : 0) }));
}
