/**
 * `pnpm seed:check`: validates the demo data files and prints what they hold.
 * `pnpm seed:check <kommun>/<file>.json …` checks only those files against the schema,
 * without resolving references to other files (handy while transcribing one file).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readKommunSeeds, seedDataDir } from './seed-files.js';
import { seedFile } from './seed-schema.js';

const only = process.argv.slice(2);
if (only.length > 0) {
  let failed = false;
  for (const file of only) {
    const parsed = seedFile.safeParse(JSON.parse(readFileSync(join(seedDataDir, file), 'utf8')));
    if (parsed.success) {
      console.log(`${file}: ok`);
    } else {
      failed = true;
      console.log(`${file}:`);
      for (const i of parsed.error.issues) console.log(`  ${i.path.join('.')}: ${i.message}`);
    }
  }
  process.exitCode = failed ? 1 : 0;
} else {
  for (const seed of readKommunSeeds()) {
    const counts = Object.entries(seed)
      .filter(([, v]) => Array.isArray(v))
      .map(([k, v]) => `${k}=${(v as unknown[]).length}`)
      .join(' ');
    console.log(`${seed.dir} (${seed.kommun.name} ${seed.kommun.code ?? '–'}): ${counts}`);
  }
}
