// `node report-load.js REPORT.html REPEATS`: opens an HTML report in Debian's chromium and prints
// one JSON object: the best time from navigation to the page being usable (its script has drawn
// the matrix and set data-ready), and the time to expand the largest namespace.
import * as fs from 'fs';
// The benchmark is a development tool: it drives chromium with the browser tests' devDependency.
// eslint-disable-next-line import/no-extraneous-dependencies
import { chromium } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function measure(file: string, repeats: number): Promise<object> {
  if (!fs.existsSync(CHROMIUM)) return { skipped: `${CHROMIUM} is absent (scripts/ci-browser.sh installs it)` };
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  try {
    let loadSeconds = Infinity;
    let expandSeconds = Infinity;
    let cells = 0;
    for (let r = 0; r < repeats; r++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const start = process.hrtime.bigint();
      await page.goto(`file://${file}`, { waitUntil: 'commit' });
      await page.waitForSelector('body[data-ready="true"]');
      loadSeconds = Math.min(loadSeconds, Number(process.hrtime.bigint() - start) / 1e9);
      // The namespace with the most workloads: the heaviest expansion.
      const group = await page.$$eval('#matrix tbody button.toggle', (buttons) => buttons
        .map((b) => ({ group: b.getAttribute('data-group')!, size: Number(/\((\d+)\)$/.exec(b.textContent ?? '')?.[1] ?? 0) }))
        .sort((a, b) => b.size - a.size)[0].group);
      const before = process.hrtime.bigint();
      await page.click(`#matrix tbody button.toggle[data-group="${group}"]`);
      await page.waitForSelector(`#matrix tbody button.toggle[data-group="${group}"][aria-expanded="true"]`);
      expandSeconds = Math.min(expandSeconds, Number(process.hrtime.bigint() - before) / 1e9);
      cells = await page.$$eval('#matrix td', (tds) => tds.length);
      await page.close();
    }
    return { loadSeconds, expandSeconds, cells, bytes: fs.statSync(file).size };
  } finally {
    await browser.close();
  }
}

void measure(process.argv[2], Number(process.argv[3] ?? 3)).then((result) => console.log(JSON.stringify(result)));
