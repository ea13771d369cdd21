// Lighthouse (mobile: simulated slow 4G, 4× CPU slowdown) on the main reading screens of a
// running product, in Debian's Chromium. Start the product first (`corepack pnpm start`), then
// `corepack pnpm --filter @uppfoljning/client lighthouse [base-url]`. Prints the scores and
// writes them to bench-results/lighthouse.json; it asserts nothing.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const base = process.argv[2] ?? 'http://127.0.0.1:4000';
const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const kommuner = await (
  await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ kommuner { name root { children { children { id name } } } } }' }),
  })
).json();
const norrtalje = kommuner.data.kommuner.find((k) => k.name === 'Norrtälje kommun');
const ksk = norrtalje.root.children[0].children.find((u) => u.name === 'Kommunstyrelsekontoret');

const pages = {
  start: `${base}/`,
  'kontor, översikt': `${base}/enhet/${ksk.id}`,
  'kontor, uppdrag': `${base}/enhet/${ksk.id}/uppdrag`,
  'kontor, ekonomi': `${base}/enhet/${ksk.id}/ekonomi`,
};

const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const results = {};
try {
  for (const [name, url] of Object.entries(pages)) {
    const run = await lighthouse(url, {
      port: chrome.port,
      onlyCategories: ['performance', 'accessibility'],
      output: 'json',
      logLevel: 'error',
    });
    const { categories, audits } = run.lhr;
    results[name] = {
      url,
      performance: Math.round(categories.performance.score * 100),
      accessibility: Math.round(categories.accessibility.score * 100),
      firstContentfulPaintMs: Math.round(audits['first-contentful-paint'].numericValue),
      largestContentfulPaintMs: Math.round(audits['largest-contentful-paint'].numericValue),
      totalBlockingTimeMs: Math.round(audits['total-blocking-time'].numericValue),
    };
    console.log(name, results[name]);
  }
} finally {
  await chrome.kill();
}
const dir = new URL('../../bench-results/', import.meta.url).pathname;
mkdirSync(dir, { recursive: true });
writeFileSync(`${dir}lighthouse.json`, `${JSON.stringify(results, null, 2)}\n`);
