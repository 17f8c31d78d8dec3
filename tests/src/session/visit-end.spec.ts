import { describe, expect, it, vi } from 'vitest';
import { onVisitEnd, runVisitEndHooks } from '../../../src/session/visit-end';

describe('visit end hooks', () => {
  it('runs every hook at each visit end, even after one throws, until it is removed', () => {
    const first = vi.fn(() => {
      throw new Error('broken');
    });
    const second = vi.fn();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const removeFirst = onVisitEnd(first);
    const removeSecond = onVisitEnd(second);
    runVisitEndHooks();
    runVisitEndHooks();
    expect(first).toHaveBeenCalledTimes(2);
    expect(second).toHaveBeenCalledTimes(2);
    expect(error).toHaveBeenCalledWith('visit end:', expect.any(Error));
    removeFirst();
    removeSecond();
    runVisitEndHooks();
    expect(second).toHaveBeenCalledTimes(2);
    error.mockRestore();
  });
});
