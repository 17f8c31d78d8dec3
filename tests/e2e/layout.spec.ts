import { expect, test } from './fixtures';
import { answerTriage, expectedPlan } from './visit';

const SCREENS = [
  { name: 'landscape-1080p', width: 1920, height: 1080 },
  { name: 'portrait-1080p', width: 1080, height: 1920 },
  { name: 'sxga-1280x1024', width: 1280, height: 1024 },
];

const answers = { shared: ['not-sure'], money: ['not-sure'], loan: ['not-sure'] };

for (const size of SCREENS) {
  test.describe(`on a ${size.name} screen`, () => {
    test.use({ viewportSize: { width: size.width, height: size.height } });

    test('every screen fits the width, keeps its buttons in reach and its text large', async ({
      kiosk: page,
    }, testInfo) => {
      const check = async (label: string) => {
        const m = await page.evaluate(() => {
          const body = document.querySelector('main p, main li, .attract__promise');
          const buttons = [
            ...document.querySelectorAll<HTMLElement>(
              '[data-testid="next"], [data-testid="back"], [data-testid="finish"]',
            ),
          ];
          return {
            overflowX: document.documentElement.scrollWidth - window.innerWidth,
            bodyPx: body ? parseFloat(getComputedStyle(body).fontSize) : 0,
            buttons: buttons.map((b) => {
              const r = b.getBoundingClientRect();
              return {
                h: r.height,
                w: r.width,
                inView: r.bottom <= window.innerHeight && r.top >= 0,
              };
            }),
          };
        });
        expect(m.overflowX, `${label}: horizontal overflow`).toBeLessThanOrEqual(0);
        expect(m.bodyPx, `${label}: body text size`).toBeGreaterThanOrEqual(24);
        for (const b of m.buttons) {
          expect(b.h, `${label}: button height`).toBeGreaterThanOrEqual(64);
          expect(b.inView, `${label}: button on screen`).toBe(true);
        }
        await page.screenshot({
          path: testInfo.outputPath('screens', `${size.name}-${label}.png`),
        });
      };

      await check('attract');
      await answerTriage(page, 'kk', answers);
      await check('overview');
      await page.getByTestId('next').click();
      const plan = expectedPlan(answers);
      for (const [i, id] of plan.entries()) {
        await check(`step-${String(i + 1).padStart(2, '0')}-${id}`);
        await page.getByTestId('next').click();
      }
      await check('summary');
    });
  });
}
