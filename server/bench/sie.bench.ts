/**
 * `pnpm bench:sie`: reads generated SIE 4 files of 200 000 and 1 000 000 `#TRANS` lines (a
 * whole kommun's year has 100 000 and more) and prints, for each, the time, lines per second
 * and the peak memory of the process during the read (heap and RSS, sampled every 10 ms, after
 * a garbage collection). The files are streamed to a temporary folder and streamed back, so
 * the reader's memory should not grow with the file: the two reads' peaks are printed side by
 * side to show it. Figures are printed and written to bench-results/; nothing asserts a timing.
 */
import { once } from 'node:events';
import {
  createReadStream,
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { encodeCp437 } from '../src/modules/economy-import/sie/cp437.js';
import {
  calendarYears,
  costCentreAndProject,
  sieHeaderLines,
  sieVerificationLines,
  type SieTransaction,
} from '../src/modules/economy-import/sie/sie-file-builder.js';
import { readSie } from '../src/modules/economy-import/sie/sie-reader.js';
import { measured } from './measured.js';

const MB = 1024 * 1024;
const COST_CENTRES = 400;
const ACCOUNTS = ['3110', '3510', '4610', '5110', '5410', '6110', '6410', '7010', '7410', '7910'];
const TRANS_PER_VERIFICATION = 10;

/** A kommun's year: verifications of nine result rows and a bank row, spread over the months. */
function* kommunYear(transLines: number): Generator<string> {
  yield* sieHeaderLines({
    program: 'Uppföljning benchmark',
    generated: '20250812',
    company: 'Benchmarkkommunen',
    orgNr: '212000-0000',
    years: calendarYears(2025),
    dimensions: costCentreAndProject,
    objects: [
      ...Array.from({ length: COST_CENTRES }, (_, i) => ({
        dimension: '1',
        code: String(10000 + i),
        name: `Enhet ${i} för äldreomsorg`,
      })),
      { dimension: '6', code: 'P1', name: 'Projekt ett' },
    ],
    accounts: [
      { number: '1930', name: 'Bank', type: 'T' },
      ...ACCOUNTS.map((number) => ({
        number,
        name: `Konto ${number}`,
        type: number < '4' ? ('I' as const) : ('K' as const),
      })),
    ],
  });
  const verifications = Math.ceil(transLines / TRANS_PER_VERIFICATION);
  for (let v = 0; v < verifications; v++) {
    const centre = String(10000 + (v % COST_CENTRES));
    const month = String(1 + (v % 8)).padStart(2, '0');
    const transactions: SieTransaction[] = [];
    let sum = 0;
    for (let t = 0; t < TRANS_PER_VERIFICATION - 1; t++) {
      const ore = ((v * 31 + t * 17) % 100_000) - 20_000;
      sum += ore;
      transactions.push({
        account: ACCOUNTS[t]!,
        objects:
          t % 3
            ? [['1', centre]]
            : [
                ['1', centre],
                ['6', 'P1'],
              ],
        ore,
      });
    }
    transactions.push({ account: '1930', objects: [], ore: -sum });
    yield* sieVerificationLines({
      series: 'A',
      number: v + 1,
      date: `2025${month}15`,
      text: `Verifikation ${v}`,
      transactions,
    });
  }
}

/** Streams the lines to disk in PC8, in chunks, waiting when the disk is behind. */
async function writeFile(path: string, lines: Iterable<string>) {
  const out = createWriteStream(path);
  let batch: string[] = [];
  let size = 0;
  for (const line of lines) {
    batch.push(line, '\r\n');
    size += line.length + 2;
    if (size > 256 * 1024) {
      if (!out.write(encodeCp437(batch.join('')))) await once(out, 'drain');
      batch = [];
      size = 0;
    }
  }
  out.end(encodeCp437(batch.join('')));
  await once(out, 'finish');
}

const dir = mkdtempSync(join(tmpdir(), 'uppfoljning-sie-bench-'));
const results: Record<string, unknown>[] = [];
const reads: ({ transLines: number } & Awaited<ReturnType<typeof measured>>['figures'])[] = [];
try {
  for (const transLines of [200_000, 1_000_000]) {
    const path = join(dir, `kommun-${transLines}.se`);
    const writeStarted = performance.now();
    await writeFile(path, kommunYear(transLines));
    const writeSeconds = (performance.now() - writeStarted) / 1000;
    const read = await measured(() =>
      readSie(createReadStream(path, { highWaterMark: 64 * 1024 }), { lastMonth: '202507' }),
    );
    const { value, figures } = read;
    if (value.errors.length > 0)
      throw new Error(`the file has errors: ${JSON.stringify(value.errors.slice(0, 3))}`);
    results.push({
      transLines: value.transactions,
      fileLines: value.lines,
      fileMb: Math.round(statSync(path).size / MB),
      writeSeconds: Number(writeSeconds.toFixed(2)),
      transLinesPerSecond: Math.round(value.transactions / figures.seconds),
      amounts: value.amounts.length,
      read: figures,
    });
    reads.push({ transLines: value.transactions, ...figures });
    rmSync(path);
  }
  console.log(JSON.stringify(results, null, 2));
  const [small, large] = reads as [(typeof reads)[number], (typeof reads)[number]];
  const growth = (r: typeof small) => r.peakHeapMb - r.heapBeforeMb;
  console.log(
    `Heap taken by the read (peak less before): ${growth(small)} MB for ${small.transLines} #TRANS lines, ` +
      `${growth(large)} MB for ${large.transLines} (${(large.transLines / small.transLines).toFixed(0)} times the lines); ` +
      `peak RSS ${small.peakRssMb} MB and ${large.peakRssMb} MB. ` +
      'The reader keeps sums per kostnadsställe, account and project, never the transactions.',
  );
  const out = join(import.meta.dirname, '..', '..', 'bench-results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'sie.json'), `${JSON.stringify(results, null, 2)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
