/**
 * The HTML report in a real browser (Debian's chromium through playwright-core): the matrix
 * expands a namespace, the filter box narrows the matrix, the list and the graph, and a diff
 * report marks its changes. Skipped, with a message, where chromium is absent.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { describeInChromium, launchChromium } from './chromium';
import { runCliAsync } from '../cli/run-cli';

// Relative to the repository (jest's working folder), as a user would type them: the report's title shows them.
const FIXTURES = path.join('test', 'fixtures', 'report');
/** Where the README's screenshot is written when UPDATE_REPORT_SCREENSHOT=1; a temporary folder otherwise. */
const SCREENSHOT = process.env.UPDATE_REPORT_SCREENSHOT === '1'
  ? path.join(__dirname, '..', '..', 'docs', 'report.png')
  : path.join(os.tmpdir(), 'cdk8s-netpol-report.png');

jest.setTimeout(60_000);

async function writeReport(...args: string[]): Promise<string> {
  const run = await runCliAsync(...args, '--format', 'html');
  expect(run.code).toBe(0);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'report-')), 'report.html');
  fs.writeFileSync(file, run.stdout);
  return file;
}

async function open(browser: Browser, file: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Nothing may be fetched: every request other than the report itself fails the test.
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`file://${file}`);
  await page.waitForSelector('body[data-ready="true"]');
  expect(errors).toEqual([]);
  expect(requests).toEqual([`file://${file}`]);
  return page;
}

const rowHeaders = (page: Page) => page.$$eval('#matrix tbody th', (ths) => ths.map((th) => th.textContent));
const cell = (page: Page, row: string, col: string) =>
  page.$eval(`#matrix td[data-row="${row}"][data-col="${col}"]`, (td) => ({ text: td.textContent, kind: td.className }));
const listed = (page: Page) => page.$$eval('#edges tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent).join(' | ')));
const litNodes = (page: Page, graph: string) =>
  page.$$eval(`#${graph} g.node:not(.dim) > title`, (titles) => titles.map((t) => t.textContent));

describeInChromium('HTML report in chromium', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launchChromium(); });
  afterAll(async () => { await browser?.close(); });

  test('connlist: namespaces first, a namespace expands to its workloads, the filter narrows everything', async () => {
    const page = await open(browser, await writeReport('connlist', path.join(FIXTURES, 'after')));
    expect(await rowHeaders(page)).toEqual(['▸ monitoring (1)', '▸ payments (1)', '▸ shop (3)', '▸ (external) (1)']);
    expect(await cell(page, 'monitoring', 'shop')).toEqual({ text: '3', kind: 'on' });
    expect(await cell(page, 'shop', 'monitoring')).toEqual({ text: '', kind: '' });

    await page.click('#matrix tbody button.toggle[data-group="shop"]');
    expect(await rowHeaders(page)).toEqual(['▸ monitoring (1)', '▸ payments (1)', '▾ shop (3)', 'api[Deployment]', 'db[Deployment]', 'web[Deployment]', '▸ (external) (1)']);
    expect(await cell(page, 'shop/web[Deployment]', 'shop/api[Deployment]')).toEqual({ text: 'TCP 8080,8443', kind: 'on' });
    expect(await cell(page, 'payments', 'shop/api[Deployment]')).toEqual({ text: '1', kind: 'on' });
    expect(await cell(page, 'shop/api[Deployment]', 'shop/web[Deployment]')).toEqual({ text: '', kind: '' });

    await page.fill('#filter', 'gateway');
    expect(await rowHeaders(page)).toEqual(['▸ payments (1)']);
    expect(await listed(page)).toEqual([
      '0.0.0.0-255.255.255.255[External] | payments/gateway[Deployment] | All Connections',
      'monitoring/prometheus[Deployment] | payments/gateway[Deployment] | All Connections',
      'payments/gateway[Deployment] | 0.0.0.0-255.255.255.255[External] | All Connections',
      'payments/gateway[Deployment] | monitoring/prometheus[Deployment] | All Connections',
      'payments/gateway[Deployment] | shop/api[Deployment] | TCP 8080,8443',
    ]);
    expect(await page.textContent('#edge-count')).toBe('5 of 11');
    expect(await litNodes(page, 'namespace-graph')).toEqual(['payments']);
    expect(await litNodes(page, 'workload-graph')).toEqual(['payments/gateway[Deployment]']);

    await page.fill('#filter', 'SHOP/');
    expect(await rowHeaders(page)).toEqual(['▾ shop (3)', 'api[Deployment]', 'db[Deployment]', 'web[Deployment]']);
    await page.fill('#filter', '');
    expect(await rowHeaders(page)).toHaveLength(7);
    expect(await page.textContent('#edge-count')).toBe('11 of 11');
    await page.close();
  });

  test('diff: changes marked by kind in the matrix and the list, the filter keeps the matching changes', async () => {
    const page = await open(browser, await writeReport('diff', path.join(FIXTURES, 'before'), path.join(FIXTURES, 'after')));
    expect(await page.textContent('p.legend')).toBe('Changes: + added− removed~ changed');
    expect(await cell(page, 'payments', 'shop')).toEqual({ text: '+1', kind: 'added' });
    expect(await cell(page, 'shop', 'shop')).toEqual({ text: '−1 ~1', kind: 'changed' });

    await page.click('#matrix thead button.toggle[data-group="shop"]');
    expect(await cell(page, 'shop/api[Deployment]', 'shop/db[Deployment]')).toEqual({ text: '−1', kind: 'removed' });
    expect(await cell(page, 'shop/web[Deployment]', 'shop/api[Deployment]')).toEqual({ text: '~1', kind: 'changed' });
    expect(await cell(page, 'payments', 'shop/api[Deployment]')).toEqual({ text: '+1', kind: 'added' });
    expect(await page.$$eval('#edges tbody tr', (trs) => trs.map((tr) => tr.className))).toEqual(['added', 'removed', 'changed']);

    await page.click('#workload-graph summary');
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    const png = fs.readFileSync(SCREENSHOT);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1100);

    await page.fill('#filter', 'db');
    expect(await listed(page)).toEqual(['removed | shop/api[Deployment] | shop/db[Deployment] | TCP 5432']);
    expect(await rowHeaders(page)).toEqual(['▾ shop (3)', 'db[Deployment]']);
    await page.close();
  });

  test('diff without changes: the page says so', async () => {
    const page = await open(browser, await writeReport('diff', path.join(FIXTURES, 'after'), path.join(FIXTURES, 'after')));
    expect(await page.textContent('#matrix')).toBe('No connection is added, removed or changed.');
    expect(await page.textContent('#edge-count')).toBe('0 of 0');
    await page.close();
  });
});
