/*
 * What a module that keeps something of a visit beyond the visitor's stores lets go of when the
 * visit ends: resetSession runs these after it has emptied the stores. A module registers once,
 * for the life of the page.
 */
const hooks = new Set<() => void>();

/** Runs `hook` at the end of every visit, after the stores are emptied; returns its removal. */
export function onVisitEnd(hook: () => void): () => void {
  hooks.add(hook);
  return () => hooks.delete(hook);
}

/** Called by resetSession. A hook that throws does not keep the others from running. */
export function runVisitEndHooks(): void {
  for (const hook of hooks) {
    try {
      hook();
    } catch (err) {
      console.error('visit end:', err);
    }
  }
}
