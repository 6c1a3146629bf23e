// Drives the dashboard in headless Chromium and prints one JSON document of what it showed: the blocks (operation,
// variables, and every table cell, single value and chart dataset, as dashboard.mjs marks them) in three views
// (the default, after switching to English, after choosing another quarter), the labels that do not match the
// page's own dictionary, and the browser's errors. Saves a screenshot of the English view.
// Usage: node drive.mjs <dashboard url> <screenshot.png> [chromium executable]
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const [url, screenshot, executable = process.env.CHROMIUM ?? '/usr/bin/chromium'] = process.argv.slice(2);
if (!url || !screenshot) {
  console.error('usage: node drive.mjs <dashboard url> <screenshot.png> [chromium executable]');
  process.exit(2);
}

if (!existsSync(executable)) {
  console.error(`Chromium was not found at ${executable}: install it with \`apt-get install -y chromium\` (.ci/run does).`);
  process.exit(3);
}

const timeout = 30_000;
// The root user's Chromium runs only without its sandbox.
const browser = await chromium.launch({ executablePath: executable, args: ['--no-sandbox'], timeout });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && errors.push(`console: ${message.text()}`));
  page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
  page.on('response', (response) => response.status() >= 400 && errors.push(`HTTP ${response.status()}: ${response.url()}`));

  // The page says when it shows a complete view, or that it failed (and why, in #status).
  const ready = async (condition = '') => {
    await page.waitForSelector(`body[data-state="ready"]${condition}, body[data-state="error"]`, { state: 'attached', timeout });
    if (await page.$('body[data-state="error"]')) {
      throw new Error(`The dashboard failed: ${await page.textContent('#status')}\n${errors.join('\n')}`);
    }
  };
  const started = Date.now();
  await page.goto(url, { timeout });
  await page.waitForSelector('td[data-value]', { state: 'attached', timeout });
  const firstNumbersMilliseconds = Date.now() - started;
  await ready();
  const readyMilliseconds = Date.now() - started;

  const dictionary = await page.evaluate(async () => (await import('./labels.mjs')).labels);
  const views = {};
  views.default = await read(page, dictionary);

  await page.click('button[data-language="en"]');
  await ready('[data-language="en"]');
  views.english = await read(page, dictionary);
  await page.screenshot({ path: screenshot, fullPage: true });

  const quarters = await page.$$eval('select[name=quarter] option', (options) => options.map((o) => o.value));
  const other = quarters.find((q) => q !== views.english.quarter);
  if (other) {
    await page.selectOption('select[name=quarter]', other);
    await ready(`[data-quarter="${other}"]`);
    views.otherQuarter = await read(page, dictionary);
  }

  const keys = (language) => Object.keys(dictionary[language]).sort();
  const unmatchedKeys = keys('id').filter((k) => !(k in dictionary.en)).concat(keys('en').filter((k) => !(k in dictionary.id)));
  console.log(JSON.stringify({ firstNumbersMilliseconds, readyMilliseconds, quarters, unmatchedKeys, errors, views }, null, 2));
} finally {
  await browser.close();
}

async function read(page, dictionary) {
  const view = await page.evaluate(() => {
    const blocks = [...document.querySelectorAll('[data-operation]')].map((block) => ({
      operation: block.dataset.operation,
      variables: JSON.parse(block.dataset.variables),
      tables: [...block.querySelectorAll('table[data-path]')].map((table) => ({
        path: table.dataset.path,
        rows: [...table.tBodies[0].rows].map((row) => [...row.cells].map((c) => ({ field: c.dataset.field, value: c.dataset.value, text: c.textContent }))),
      })),
      values: [...block.querySelectorAll('[data-path][data-value]')].map((v) => ({ path: v.dataset.path, value: v.dataset.value, text: v.textContent })),
      // Without the chart library the page draws no canvas, and the test says the charts are missing.
      charts: [...block.querySelectorAll('canvas[data-path]')].map((canvas) => {
        const chart = globalThis.Chart.getChart(canvas);
        return { path: canvas.dataset.path, labels: chart.data.labels, datasets: chart.data.datasets.map((d) => ({ field: d.field, label: d.label, data: d.data })) };
      }),
    }));
    const labels = [...document.querySelectorAll('[data-label]')].map((e) => ({ key: e.dataset.label, text: e.textContent }));
    return { ...document.body.dataset, lang: document.documentElement.lang, title: document.title, blocks, labels };
  });

  // Every label shown is the dictionary's text for the page's language.
  view.labelCount = view.labels.length;
  view.wrongLabels = view.labels.filter((l) => dictionary[view.language]?.[l.key] !== l.text);
  delete view.labels;
  return view;
}
