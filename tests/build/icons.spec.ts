import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * electron-builder downloads Electron and its tools to package, which cannot run here; its
 * configuration is checked instead: against electron-builder's own schema, for every fuse,
 * for the targets IT deploys, and for what would go into the package.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const config = JSON.parse(readFileSync(resolve(ROOT, 'electron-builder.json'), 'utf8'));

describe('icons', () => {
  const png = (buf: Buffer) => {
    expect(buf.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
  };

  it('gives Linux a 512 px PNG', () => {
    expect(config.linux.icon).toBe('build/icon.png');
    expect(png(readFileSync(resolve(ROOT, config.linux.icon)))).toEqual({
      width: 512,
      height: 512,
    });
  });

  it('gives Windows an ICO with 256 px down to 16 px images', () => {
    expect(config.win.icon).toBe('build/icon.ico');
    const ico = readFileSync(resolve(ROOT, config.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const e = 6 + i * 16;
      const size = ico.readUInt8(e) || 256;
      const length = ico.readUInt32LE(e + 8);
      const offset = ico.readUInt32LE(e + 12);
      expect(png(ico.subarray(offset, offset + length))).toEqual({ width: size, height: size });
      sizes.push(size);
    }
    expect(sizes).toEqual(expect.arrayContaining([256, 48, 32, 16]));
  });
});
