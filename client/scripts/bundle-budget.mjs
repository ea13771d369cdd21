// Prints the gzipped JavaScript a phone downloads for the reading routes and fails above
// the budget. Run after `vite build`. Chunks named `edit-*` (editing, loaded on demand) are
// reported apart and do not count against the reading budget.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KIB = 170;
const assets = new URL('../dist/assets/', import.meta.url).pathname;
const chunks = readdirSync(assets)
  .filter((f) => f.endsWith('.js'))
  .map((f) => ({ file: f, kib: gzipSync(readFileSync(join(assets, f)), { level: 9 }).length / 1024 }));
const reading = chunks.filter((c) => !c.file.startsWith('edit-'));
const total = reading.reduce((sum, c) => sum + c.kib, 0);
for (const c of chunks) console.log(`${c.kib.toFixed(1).padStart(7)} KiB  ${c.file}`);
console.log(`Reading routes: ${total.toFixed(1)} KiB gzipped (budget ${BUDGET_KIB} KiB)`);
if (total > BUDGET_KIB) {
  console.error(`Over the budget by ${(total - BUDGET_KIB).toFixed(1)} KiB.`);
  process.exit(1);
}
