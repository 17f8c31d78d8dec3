/**
 * Work the page does while the visitor reads, not while they wait for a touch's answer: in the
 * page's first idle moment after what is on screen has been painted, and no later than `within`
 * ms. Returns a function that calls it off (a screen closed before its moment came).
 */
export function whenIdle(run: () => void, within: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout: within });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(run, 0);
  return () => clearTimeout(id);
}
