import { describe, expect, it } from 'vitest';
import { parseSmapsRollup } from '../../../scripts/bench/memory';

const ROLLUP = `55d4c0000000-7ffd8e7f2000 ---p 00000000 00:00 0                          [rollup]
Rss:              153600 kB
Pss:              102400 kB
Pss_Anon:          60000 kB
Shared_Clean:      40000 kB
Shared_Dirty:       2000 kB
Private_Clean:     10240 kB
Private_Dirty:     61440 kB
Referenced:       150000 kB
Anonymous:         61440 kB
Swap:                  0 kB
`;

describe('parseSmapsRollup', () => {
  it('reads PSS and private memory in MB', () => {
    expect(parseSmapsRollup(ROLLUP)).toEqual({ pssMb: 100, privateMb: 70 });
  });

  it('refuses a file without the fields', () => {
    expect(() => parseSmapsRollup('Rss: 1 kB\n')).toThrow(/no Pss/);
  });

  it('does not take Pss_Anon for Pss', () => {
    const onlyAnon = ROLLUP.replace(/^Pss: .*\n/m, '');
    expect(() => parseSmapsRollup(onlyAnon)).toThrow(/no Pss/);
  });
});
