/*
 * Renders build/icon.svg to the icons electron-builder packs: build/icon.png (512 px, Linux)
 * and build/icon.ico (256, 64, 48, 32 and 16 px, Windows). Chromium draws the SVG, so the
 * outputs need nothing beyond what the end-to-end tests already use.
 *
 *   npm run icons
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/environment';

const BUILD = resolve(import.meta.dirname, '../build');
const ICO_SIZES = [256, 64, 48, 32, 16];

/** An ICO whose images are PNGs, which Windows has read since Vista. */
export function icoFromPngs(images: readonly { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  const entries = Buffer.alloc(16 * images.length);
  let offset = header.length + entries.length;
  images.forEach(({ size, png }, i) => {
    const e = i * 16;
    entries.writeUInt8(size >= 256 ? 0 : size, e);
    entries.writeUInt8(size >= 256 ? 0 : size, e + 1);
    entries.writeUInt8(0, e + 2);
    entries.writeUInt8(0, e + 3);
    entries.writeUInt16LE(1, e + 4);
    entries.writeUInt16LE(32, e + 6);
    entries.writeUInt32LE(png.length, e + 8);
    entries.writeUInt32LE(offset, e + 12);
    offset += png.length;
  });
  return Buffer.concat([header, entries, ...images.map((i) => i.png)]);
}

async function main(): Promise<void> {
  const svg = readFileSync(resolve(BUILD, 'icon.svg'), 'utf8');
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const render = async (size: number) => {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<html><body style="margin:0;background:transparent">` +
          svg.replace('width="512" height="512"', `width="${size}" height="${size}"`) +
          `</body></html>`,
      );
      return page.screenshot({
        omitBackground: true,
        clip: { x: 0, y: 0, width: size, height: size },
      });
    };
    writeFileSync(resolve(BUILD, 'icon.png'), await render(512));
    const images = [];
    for (const size of ICO_SIZES) images.push({ size, png: await render(size) });
    writeFileSync(resolve(BUILD, 'icon.ico'), icoFromPngs(images));
  } finally {
    await browser.close();
  }
  console.log('wrote build/icon.png and build/icon.ico');
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
