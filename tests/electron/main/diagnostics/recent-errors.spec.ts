import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ENTRY_TEXT_MAX,
  parseLogEntries,
  recentErrors,
  TAIL_BYTES,
} from '../../../../electron/main/diagnostics/recent-errors';
import { useTempDir } from '../fakes';

const dir = useTempDir('kiosk-log-');
const line = (n: number, level = 'warn', text = `print: trouble ${n}`) =>
  `[2026-11-25 09:00:${String(n % 60).padStart(2, '0')}.123] [${level}] ${text}`;

describe('recent errors from main.log', () => {
  it('keeps warnings and errors as time, level and text, and nothing else', () => {
    const text = [
      line(1, 'info', 'main: starting'),
      line(2, 'warn'),
      line(3, 'error', 'main: uncaught Error: boom'),
      '    at Object.<anonymous> (/opt/kiosk/app.asar/out/main/index.js:1:1)',
      'a line in no format at all [error] x',
    ].join('\n');
    expect(parseLogEntries(text)).toEqual([
      { at: '2026-11-25 09:00:02', level: 'warn', text: 'print: trouble 2' },
      { at: '2026-11-25 09:00:03', level: 'error', text: 'main: uncaught Error: boom' },
    ]);
  });

  it('masks anything like a phone or card number again, and cuts long texts', () => {
    const [e] = parseLogEntries(line(1, 'error', `card 4400 4301 2345 6789 ${'x'.repeat(1000)}`));
    expect(e!.text).toContain('[number]');
    expect(e!.text).not.toContain('4400');
    expect(e!.text.length).toBeLessThanOrEqual(ENTRY_TEXT_MAX);
  });

  it('shows a refused URL without its query or fragment, where a plan link keeps the plan', () => {
    const [e] = parseLogEntries(
      line(1, 'warn', 'lockdown: refused navigation to https://plan.example.kz/p?x=1#v1.AbCdEf'),
    );
    expect(e!.text).toBe('lockdown: refused navigation to https://plan.example.kz/p…');
  });

  it('takes the newest entries, from the rotated file when the current one has too few', () => {
    writeFileSync(join(dir(), 'main.1.log'), [1, 2, 3].map((n) => line(n)).join('\n'));
    writeFileSync(join(dir(), 'main.log'), [4, 5].map((n) => line(n)).join('\n') + '\n');
    expect(recentErrors(dir(), 3).map((e) => e.text)).toEqual([
      'print: trouble 3',
      'print: trouble 4',
      'print: trouble 5',
    ]);
  });

  it('reads only the end of a huge log, from a whole line', () => {
    const many = Array.from({ length: 20_000 }, (_, n) => line(n)).join('\n');
    expect(many.length).toBeGreaterThan(TAIL_BYTES);
    writeFileSync(join(dir(), 'main.log'), many);
    const got = recentErrors(dir(), 5);
    expect(got.map((e) => e.text)).toEqual(
      [19_995, 19_996, 19_997, 19_998, 19_999].map((n) => `print: trouble ${n}`),
    );
  });

  it('is empty, not an error, where there is no log', () => {
    expect(recentErrors(join(dir(), 'none'))).toEqual([]);
  });
});
