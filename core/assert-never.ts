/**
 * The default branch of an exhaustive `switch` over a union: the compiler proves it unreachable,
 * and a value that arrives anyway at run time (from a file, say) fails loudly.
 */
export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}
