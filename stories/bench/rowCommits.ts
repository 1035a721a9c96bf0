/**
 * Runs in the page before React loads: a stand-in for the React DevTools hook that counts, per
 * commit, the users-table rows React re-rendered. A row counts when its <tr> got new props in
 * that commit; subtrees React bailed out of (child pointers unchanged) are not walked, as DevTools
 * does, so memoised rows that did not render are not counted.
 */
export function installRowCommitCounter(): void {
  type Fiber = {
    child: Fiber | null;
    sibling: Fiber | null;
    alternate: Fiber | null;
    memoizedProps: Record<string, unknown> | null;
    type: unknown;
  };
  const counter = { commits: 0, rows: new Map<string, number>() };
  (window as unknown as { __rowCommits: typeof counter }).__rowCommits = counter;
  const walk = (next: Fiber, prev: Fiber | null) => {
    const props = next.memoizedProps;
    if (prev && next.type === 'tr' && props?.['data-part'] === 'user-row' && prev.memoizedProps !== props) {
      const id = String(props['data-user-id']);
      counter.rows.set(id, (counter.rows.get(id) ?? 0) + 1);
    }
    if (prev && next.child === prev.child) return;
    for (let child = next.child; child; child = child.sibling) walk(child, child.alternate);
  };
  (window as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__: object }).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject: () => 1,
    onCommitFiberRoot: (_id: number, root: { current: Fiber }) => {
      counter.commits += 1;
      walk(root.current, root.current.alternate);
    },
    onCommitFiberUnmount: () => {},
    onPostCommitFiberRoot: () => {},
    checkDCE: () => {},
  };
}
