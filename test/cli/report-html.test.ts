/**
 * The HTML report rendered in headless Chromium (playwright-core driving the system
 * `/usr/bin/chromium`): title, one row and one SVG bar per indicator in its status
 * colour, Chinese text laid out with a CJK font, and no network request at all.
 * A screenshot is saved to `.test-work/cli/report.png` for a human to look at.
 *
 * CI must install the `chromium` and `fonts-noto-cjk` apt packages; outside CI the test
 * is skipped when `/usr/bin/chromium` is absent.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { STATUS_COLORS } from '../../server/src/cli/reporters/report';
import { buildCli, ptl, WORK } from './helpers';

const CHROMIUM = '/usr/bin/chromium';
const present = fs.existsSync(CHROMIUM);
const skip = !present && !process.env['CI'];

beforeAll(buildCli, 60_000);

const hex = (rgb: string) => {
  const m = /rgba?\((\d+), (\d+), (\d+)/.exec(rgb);
  return m ? `#${m.slice(1, 4).map((n) => Number(n).toString(16).padStart(2, '0')).join('')}` : rgb;
};

describe.skipIf(skip)(`HTML report in Chromium${skip ? ` (skipped: ${CHROMIUM} is absent and CI is not set)` : ''}`, () => {
  it('renders every indicator with a bar in its status colour, offline', async () => {
    fs.mkdirSync(WORK, { recursive: true });
    const file = path.join(WORK, 'report.html');
    const json = JSON.parse(ptl(['report', '.', '--format', 'json']).stdout);
    const result = ptl(['report', '.', '--format', 'html', '-o', file]);
    expect(result.code).toBe(0);

    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      const url = pathToFileURL(file).href;
      await page.goto(url, { waitUntil: 'load' });

      expect(await page.title()).toBe('规划指标报告');
      const expected = json.plans.flatMap((plan: any) => plan.rows.map((r: any) => ({ id: r.id, name: r.name, status: r.status || 'none' })));
      const rows = await page.$$eval('tr.indicator', (trs) =>
        trs.map((tr) => {
          const svg = tr.querySelector('svg.bar');
          const colored = svg?.querySelector('.progress, .track');
          const progress = svg?.querySelector('.progress');
          return {
            id: tr.getAttribute('data-indicator'),
            name: tr.querySelector('td')!.textContent!.replace('★', '').trim(),
            status: tr.getAttribute('data-status'),
            svgStatus: svg?.getAttribute('data-status'),
            fill: progress ? getComputedStyle(progress).fill : colored ? getComputedStyle(colored).fill : undefined,
            width: svg?.getBoundingClientRect().width ?? 0,
          };
        }),
      );
      expect(rows.map(({ id, name, status }) => ({ id, name, status }))).toEqual(expected);
      expect(rows.length).toBeGreaterThanOrEqual(6);
      for (const row of rows) {
        expect(row.svgStatus, row.name).toBe(row.status);
        expect(row.width, row.name).toBe(240);
        const status = row.status === 'none' ? 'no-data' : row.status!;
        expect(hex(row.fill!), row.name).toBe(STATUS_COLORS[status as keyof typeof STATUS_COLORS]);
      }
      expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['missed', 'achieved', 'lagging', 'no-data', 'none']));

      // Chinese text is laid out with real glyphs: a CJK string is about as wide as
      // its character count × the font size, never tofu-narrow or zero.
      const heading = await page.$eval('h1', (h) => {
        const range = document.createRange();
        range.selectNodeContents(h);
        return { width: range.getBoundingClientRect().width, size: parseFloat(getComputedStyle(h).fontSize), text: h.textContent };
      });
      expect(heading.text).toBe('规划指标报告');
      expect(heading.width).toBeGreaterThan(heading.size * 5);

      expect(requests.filter((r) => r !== url)).toEqual([]);
      await page.screenshot({ path: path.join(WORK, 'report.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  }, 60_000);
});
