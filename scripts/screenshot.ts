// Screenshots of the running app for the README and for looking at layout changes:
//   npx tsx scripts/screenshot.ts URL OUT_PREFIX
// writes OUT_PREFIX-desktop.png (1280×720) and OUT_PREFIX-phone.png (375 px wide, full page).
import { launchChromium } from '../test/e2e/browser';

const [url = 'http://127.0.0.1:5173/', prefix = 'out/shot', wait = '4000'] = process.argv.slice(2);
const browser = await launchChromium();
try {
  for (const [name, viewport, fullPage] of [
    ['desktop', { width: 1280, height: 720 }, false],
    ['phone', { width: 375, height: 812 }, true],
  ] as const) {
    const page = await browser.newPage({ viewport });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url);
    await page.waitForTimeout(Number(wait));
    await page.screenshot({ path: `${prefix}-${name}.png`, fullPage });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    console.log(JSON.stringify({ name, errors, horizontalOverflowPx: overflow }));
    await page.close();
  }
} finally {
  await browser.close();
}
