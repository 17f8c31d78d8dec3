import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodeLog from 'electron-log/node';
import type { NodeLogger } from 'electron-log';
import { describe, expect, it, vi } from 'vitest';
import {
  configureLogger,
  KEPT_LOG_FILES,
  logLine,
  MAX_LOG_LINE,
  LOG_FILE_NAME,
  MAX_LOG_BYTES,
  redact,
  rotateLogFiles,
} from '../../../electron/main/log';
import { useTempDir } from './fakes';

vi.mock('electron', () => ({}));

const dir = useTempDir('kiosk-logs-');

describe('log rotation', () => {
  it('shifts numbered files up and drops the oldest', () => {
    const file = join(dir(), 'main.log');
    for (let round = 1; round <= 4; round += 1) {
      writeFileSync(file, `round ${round}`);
      rotateLogFiles(file, 3);
    }
    expect(readdirSync(dir()).sort()).toEqual(['main.1.log', 'main.2.log', 'main.3.log']);
    expect(readFileSync(join(dir(), 'main.1.log'), 'utf8')).toBe('round 4');
    expect(readFileSync(join(dir(), 'main.3.log'), 'utf8')).toBe('round 2');
  });

  it('keeps the log in the given folder, rotated at its size limit, through electron-log', () => {
    const base = nodeLog.create({ logId: `rotation-${Date.now()}` }) as NodeLogger;
    base.transports.console.level = false;
    const logger = configureLogger(base, dir(), false);
    base.transports.console.level = false;
    const line = 'x'.repeat(1000);
    // Enough for more rotations than are kept.
    const lines = Math.ceil(MAX_LOG_BYTES / 1000) * (KEPT_LOG_FILES + 2);
    for (let i = 0; i < lines; i += 1) logger.info(`${i} ${line}`);
    const files = readdirSync(dir()).sort();
    expect(files).toContain(LOG_FILE_NAME);
    expect(files).toHaveLength(KEPT_LOG_FILES + 1);
    for (const f of files)
      expect(readFileSync(join(dir(), f)).length).toBeLessThan(MAX_LOG_BYTES + 2000);
    expect(readFileSync(join(dir(), LOG_FILE_NAME), 'utf8')).toMatch(/\[info\]\s+\d+ x{1000}/);
  });

  it('masks numbers written with dots, underscores, full-width digits, and e-mail addresses', () => {
    expect(redact('IIN 8701.0130.0123 given')).toBe('IIN [number] given');
    expect(redact('card 4400_4301_2345_6789')).toBe('card [number]');
    expect(redact('phone 8.701.123.45.67')).toBe('phone [number]');
    expect(redact('phone ８７０１２３４５６７８')).toBe('phone [number]');
    expect(redact('write to ivanov.ivan@mail.kz now')).toBe('write to [email] now');
    expect(redact('Иванов Иван 870101300123')).toBe('Иванов Иван [number]');
    // The kiosk's own dates stay readable; short numbers too.
    expect(redact('set aside as counters.damaged-2026-11-22T09-05-00.json')).toBe(
      'set aside as counters.damaged-2026-11-22T09-05-00.json',
    );
    expect(redact('3 tries left, job 42')).toBe('3 tries left, job 42');
  });

  it('cuts a huge line, so one message cannot fill the log', () => {
    const line = logLine(`ipp: ${'k'.repeat(1_000_000)}`);
    expect(line.length).toBeLessThan(MAX_LOG_LINE + 100);
    expect(line).toMatch(/more characters cut\]$/);
  });

  it('masks long numbers before they are written, and keeps short ones', () => {
    expect(redact('call +7 701 234 56 78 now')).toBe('call [number] now');
    expect(redact('IIN 900101300123, card 4400 4301 2345 6789')).toBe(
      'IIN [number], card [number]',
    );
    expect(redact('print: job 42 of printer Lobby-2 done in 1500 ms')).toBe(
      'print: job 42 of printer Lobby-2 done in 1500 ms',
    );
    const base = nodeLog.create({ logId: `redact-${Date.now()}` }) as NodeLogger;
    const logger = configureLogger(base, dir(), false);
    base.transports.console.level = false;
    logger.warn('print: cups said 87012345678 is not a printer');
    const text = readFileSync(join(dir(), LOG_FILE_NAME), 'utf8');
    expect(text).toMatch(/\[warn\]\s+print: cups said \[number\] is not a printer/);
    expect(text).not.toContain('87012345678');
  });
});
