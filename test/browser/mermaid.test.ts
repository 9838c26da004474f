/// <reference lib="dom" />
/**
 * The Mermaid output rendered by Mermaid itself in chromium, as GitHub renders a ```mermaid block:
 * it must parse, and the drawing must hold every node and edge. Skipped where chromium is absent.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { describeInChromium, launchChromium } from './chromium';
import { buildBookinfo } from '../../examples/bookinfo';
import { connlistGraph } from '../../src/report/graph-model';
import { toMermaid } from '../../src/report/mermaid-formatter';
import { runCliAsync } from '../cli/run-cli';

const FIXTURES = path.join('test', 'fixtures', 'report');

jest.setTimeout(60_000);

interface Drawing {
  readonly error?: string;
  readonly nodes: string[];
  readonly edges: number;
  readonly strokes: string[];
}

/** Renders Mermaid text in a blank page with the mermaid bundle from node_modules; nothing is fetched. */
async function render(page: Page, text: string): Promise<Drawing> {
  return page.evaluate(async (source) => {
    const mermaid = (window as any).mermaid;
    try {
      const { svg } = await mermaid.render('drawing', source);
      const holder = document.createElement('div');
      holder.innerHTML = svg;
      document.body.replaceChildren(holder);
      return {
        nodes: [...holder.querySelectorAll('g.node')].map((n) => (n.textContent ?? '').trim()),
        edges: holder.querySelectorAll('path.flowchart-link').length,
        strokes: [...holder.querySelectorAll('path.flowchart-link')].map((p) => (p.getAttribute('style') ?? '')),
      };
    } catch (e) {
      return { error: String(e), nodes: [], edges: 0, strokes: [] };
    }
  }, text);
}

describeInChromium('Mermaid output in chromium', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
    await page.setContent('<!DOCTYPE html><html><body></body></html>');
    await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
    await page.evaluate(() => (window as any).mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' }));
  });
  afterAll(async () => { await browser?.close(); });

  test('the bookinfo graph of the README draws every workload and every edge', async () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bookinfo-'));
    buildBookinfo(outdir).synth();
    const run = await runCliAsync('connlist', outdir, '--format', 'mermaid');
    const drawing = await render(page, run.stdout);
    expect(drawing.error).toBeUndefined();
    expect([...drawing.nodes].sort()).toEqual([
      '0.0.0.0-255.255.255.255', 'bookinfo-db[Deployment]', 'bookinfo-detail[Deployment]', 'bookinfo-product[Deployment]',
      'bookinfo-review[Deployment]', 'monitor-scraper[Deployment]',
    ]);
    expect(drawing.edges).toBe(8);
  });

  test('a diff draws its changes and the legend, each change in its colour', async () => {
    const run = await runCliAsync('diff', path.join(FIXTURES, 'before'), path.join(FIXTURES, 'after'), '--format', 'mermaid');
    const drawing = await render(page, run.stdout);
    expect(drawing.error).toBeUndefined();
    expect(drawing.nodes.filter((n) => n !== '')).toHaveLength(4);
    expect(drawing.edges).toBe(6);
    const colours = drawing.strokes.map((s) => /stroke:\s*(#[0-9a-f]{6})/i.exec(s)?.[1]);
    expect(colours).toEqual(['#1a7f37', '#cf222e', '#9a6700', '#1a7f37', '#cf222e', '#9a6700']);
    const dashes = drawing.strokes.map((s) => /stroke-dasharray:\s*([\d ]+)/.exec(s)?.[1]?.trim() ?? 'solid');
    expect(dashes).toEqual(['solid', '6 4', '2 3', 'solid', '6 4', '2 3']);
  });

  test('a name with quotes, pipes and markup stays one label', async () => {
    const drawing = await render(page, toMermaid(connlistGraph([{ source: 'a/x"|<b>#1[Pod]', destination: 'a/y[Pod]', connections: 'TCP 80' }])));
    expect(drawing.error).toBeUndefined();
    expect([...drawing.nodes].sort()).toEqual(['x"|<b>#1[Pod]', 'y[Pod]']);
  });
});
