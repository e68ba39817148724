import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIndicator, startWithSample, type SampleApp } from './harness';

/*
 * A 1366×768 laptop at Windows' 125 % and 150 % scaling gives the window about 1093×614 and
 * 911×485 CSS pixels. Every pane, toolbar button and top-bar action must stay on screen there.
 */
describe('usable on a 1366×768 laptop at 125 % and 150 % scaling', () => {
  let app: SampleApp;

  beforeAll(async () => {
    app = await startWithSample();
  });
  afterAll(() => app?.close());

  for (const [percent, width, height] of [
    [125, 1093, 614],
    [150, 911, 485],
  ] as const) {
    it(`keeps the panes and every action in view at ${percent} % (${width}×${height})`, async () => {
      const { page } = app;
      await page.setViewportSize({ width, height });
      await page.goto(app.bridge.url);
      await openIndicator(
        app,
        app.indicators.find((n) => n.level === 3)!,
      );
      await page.locator('.tz-pane-right .tz-editor').waitFor();

      const box = async (selector: string) => {
        const b = await page.locator(selector).first().boundingBox();
        if (!b) throw new Error(`${selector} is not shown`);
        return b;
      };
      const right = await box('.tz-pane-right');
      expect(right.x + right.width).toBeLessThanOrEqual(width + 0.5);
      const centre = await box('.tz-pane-centre');
      const outside: string[] = [];
      for (const button of await page.locator('.tz-pane-centre .tz-toolbar .ant-btn').all()) {
        const b = (await button.boundingBox())!;
        if (b.x + b.width > centre.x + centre.width + 0.5) outside.push((await button.textContent()) ?? '');
      }
      for (const button of await page.locator('.tz-topbar-actions .ant-btn').all()) {
        const b = (await button.boundingBox())!;
        if (b.x + b.width > width + 0.5) outside.push((await button.getAttribute('aria-label')) ?? '');
      }
      expect(outside).toEqual([]);
      // Icon-only top-bar buttons keep their names for tooltips and screen readers.
      await page.locator('header.tz-topbar').getByRole('button', { name: '装订成卷' }).waitFor();
      await app.screenshot(`small-screen-${percent}.png`);
      expect(app.pageErrors).toEqual([]);
    });
  }

  it('shows the start screen with its three ways in, at 150 %', async () => {
    const { page } = app;
    await app.call('projects.close', {});
    await page.setViewportSize({ width: 911, height: 485 });
    await page.goto(app.bridge.url);
    for (const name of ['打开示例项目', '新建项目', '打开项目']) {
      const card = page.locator('.tz-action-card', { hasText: name });
      await card.scrollIntoViewIfNeeded();
      const b = (await card.boundingBox())!;
      expect(b.x + b.width).toBeLessThanOrEqual(911 + 0.5);
      expect(b.y + b.height).toBeLessThanOrEqual(485 + 0.5);
    }
    await page.locator('.tz-start-main').evaluate((el) => el.scrollTo(0, 0));
    await app.screenshot('small-screen-start.png');
    expect(app.pageErrors).toEqual([]);
  });
});
