/** `pnpm seed:check`: validates the demo data files and prints what they hold. */
import { readKommunSeeds } from './seed-files.js';

for (const seed of readKommunSeeds()) {
  const counts = Object.entries(seed)
    .filter(([, v]) => Array.isArray(v))
    .map(([k, v]) => `${k}=${(v as unknown[]).length}`)
    .join(' ');
  console.log(`${seed.dir} (${seed.kommun.name} ${seed.kommun.code ?? '–'}): ${counts}`);
}
