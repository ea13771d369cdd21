/**
 * `pnpm --filter @uppfoljning/server seed:solve`: chooses, for every economy and investment
 * table of the seed data, the kronor of each line cell (within ±500 kr of its printed tkr)
 * so that every figure the table prints (lines, subtotals, totals, deviations, changes,
 * percentages) rounds, half away from zero, to exactly what the source prints, and so that
 * sums printed apart (an office's table per verksamhet and per kontogrupp, a row printed as
 * the sum of others) are the same kronor. Writes them into the files as each line's
 * `kronor`; where no kronor can give a printed figure, lists it under the table's
 * `unreproduced` with the figures it conflicts with. Deterministic: run it again after
 * changing a transcription, and review the diff.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  investmentAmountFields,
  investmentDerivations,
  lineAmountFields,
  lineDerivations,
} from '../../modules/economy/economy-figures.js';
import {
  linear,
  linearArithmetic,
  relax,
  UNBOUNDED,
  within,
  type Constraint,
  type Linear,
  type Requirement,
  type Unknown,
} from './kronor-solver.js';
import {
  economyTableFigures,
  investmentChildren,
  investmentTableFigures,
  presentAmounts,
  sameTotals,
  type PrintedFigure,
  type SameSum,
  type SeedEconomyTable,
  type SeedInvestmentTable,
} from './printed-economy.js';
import { seedDataDir } from './seed-files.js';
import { lineFigureFields, investmentFigureFields, seedFile } from './seed-schema.js';

/** The kronor that print as `tkr` (whole), rounding half away from zero. */
export function tkrInterval(tkr: number): [number, number] {
  return [1000 * tkr - 500 + (tkr <= 0 ? 1 : 0), 1000 * tkr + 499 + (tkr < 0 ? 1 : 0)];
}

type Row = Record<string, unknown> & { kronor?: Record<string, number | null> };

/** The unknown kronor of one problem (tables solved together), one per present amount of a line. */
class Unknowns {
  readonly list: Unknown[] = [];
  readonly names: string[] = [];
  private readonly index = new Map<Row, Map<string, number>>();

  amount(row: Row, name: string, field: string, present: Set<string>, ours: number | null): Linear | null {
    if (!present.has(field)) return null;
    const fields = this.index.get(row) ?? new Map<string, number>();
    this.index.set(row, fields);
    let i = fields.get(field);
    if (i === undefined) {
      i = this.list.length;
      const [lo, hi] = ours === null ? [-UNBOUNDED, UNBOUNDED] : tkrInterval(ours);
      this.list.push({ lo, hi, prefer: ours === null ? null : ours * 1000 });
      this.names.push(`${name} ${field}`);
      fields.set(field, i);
    }
    return linear.of(i);
  }

  kronorOf(row: Row, solution: number[]): Record<string, number> | undefined {
    const fields = this.index.get(row);
    if (!fields) return undefined;
    return Object.fromEntries([...fields].map(([f, i]) => [f, solution[i]! === 0 ? 0 : solution[i]!]));
  }

  /** The interval of an expression over the unknowns' bounds. */
  range(e: Linear): [number, number] {
    let [min, max] = [e.constant, e.constant];
    for (const [i, a] of e.terms) {
      const u = this.list[i]!;
      min += a > 0 ? a * u.lo : a * u.hi;
      max += a > 0 ? a * u.hi : a * u.lo;
    }
    return [min, max];
  }
}

const never: Constraint = { terms: [], lo: 1, hi: 0 };

/** The constraints under which a figure rounds to what is printed. */
function requirement(f: PrintedFigure<Linear>, unknowns: Unknowns): Requirement {
  if (f.value === null) return { constraints: [never] };
  if ('terms' in f.value) {
    const [lo, hi] = tkrInterval(f.printed);
    return { constraints: [within(f.value, lo, hi)] };
  }
  // round(scale · n / d) = P with d > 0, as two linear inequalities.
  const { numerator, denominator, ofMagnitude } = f.value;
  const P = Math.round(f.printed * 10 ** f.decimals);
  const scale = 100 * 10 ** f.decimals;
  const [dMin, dMax] = unknowns.range(denominator);
  if (dMin <= 0 && dMax >= 0) {
    // A budget of about nothing: the share told is 0 % of nothing spent, as the reports print it.
    return { constraints: P === 0 ? [within(numerator, 0, 0)] : [never] };
  }
  const s = dMin > 0 ? 1 : -1;
  const d = linear.scale(denominator, s);
  const n = linear.scale(numerator, ofMagnitude ? scale : s * scale);
  const twice = linear.scale(n, 2);
  // Strictly inside, never on a half: a percentage travels as a floating-point number, and
  // one exactly on a half could round either way after a division.
  return {
    constraints: [
      within(linear.combine(twice, d, -(2 * P - 1)), 1, Infinity),
      within(linear.combine(twice, d, -(2 * P + 1)), -Infinity, -1),
    ],
  };
}

const sameSum = (s: SameSum<Linear>): Requirement => ({
  constraints: [within(linearArithmetic.sub(s.a, s.b), 0, 0)],
});

interface Outcome {
  unreproduced: { line: string; figure: string; reason: string }[];
}

/** Solves figures (most trusted first) and same sums; returns what could not hold. */
function solveFigures(
  unknowns: Unknowns,
  figures: PrintedFigure<Linear>[],
  sums: SameSum<Linear>[],
): { solution: number[]; outcome: Outcome } {
  const requirements = [...figures.map((f) => requirement(f, unknowns)), ...sums.map(sameSum)];
  const describe = (r: number) =>
    r < figures.length
      ? `${figures[r]!.line} ${figures[r]!.figure} (${figures[r]!.asPrinted})`
      : `${sums[r - figures.length]!.what} (${sums[r - figures.length]!.figure})`;
  const { solution, dropped } = relax(unknowns.list, requirements);
  const unreproduced = dropped.map((d) => {
    if (d.index >= figures.length) throw new Error(`en summa går inte ihop: ${describe(d.index)}`);
    const f = figures[d.index]!;
    const others = d.conflictsWith.map(describe);
    const amounts = d.unknowns.map((u) => unknowns.names[u]!);
    const reason =
      f.value === null
        ? 'Det finns inga belopp att räkna den från.'
        : `Går inte ihop med ${[...others, ...amounts.map((a) => `${a} (tryckt belopp)`)].join(', ')}: inga kronor inom ±500 kr från de tryckta beloppen ger alla.`;
    return { line: f.line, figure: f.figure, reason };
  });
  return { solution, outcome: { unreproduced } };
}

const ours = (printed: unknown, convention: string, reversed = false): number | null => {
  if (typeof printed !== 'number') return null;
  const sign = (convention === 'netCostPositive' ? -1 : 1) * (reversed ? -1 : 1);
  return printed === 0 ? 0 : sign * printed;
};

function solveEconomyGroup(tables: SeedEconomyTable[], raw: Row[]) {
  const unknowns = new Unknowns();
  const rawLine = new Map(
    tables.flatMap((t, ti) => t.lines.map((l, li) => [l, (raw[ti]!.lines as Row[])[li]!])),
  );
  const amount = (t: SeedEconomyTable) => (l: SeedEconomyTable['lines'][number], field: string) =>
    unknowns.amount(
      rawLine.get(l)!,
      l.label,
      field,
      presentAmounts(l, lineAmountFields, lineDerivations),
      ours((l as Record<string, unknown>)[field], t.signConvention),
    );
  const perTable = tables.map((t) => economyTableFigures(t, amount(t), linearArithmetic));
  const tableOf = new Map(tables.flatMap((t) => t.lines.map((l) => [l, t])));
  const across = sameTotals(tables, (l, f) => amount(tableOf.get(l)!)(l, f), linearArithmetic);
  // Most trusted first: the lines' own figures, then subtotals, then totals.
  const rank = (t: SeedEconomyTable, f: PrintedFigure<Linear>) =>
    t.lines.some((l) => l.label === f.line) ? 0 : t.total?.label === f.line ? 2 : 1;
  const figures = perTable.flatMap(({ figures }, ti) =>
    figures
      .filter((f) => !(f.kind === 'amount' && rank(tables[ti]!, f) === 0))
      .map((f) => ({ f, ti, rank: rank(tables[ti]!, f) })),
  );
  figures.sort((a, b) => a.rank - b.rank || a.ti - b.ti);
  const sums = [...perTable.flatMap((p) => p.sameSums), ...across];
  const { solution, outcome } = solveFigures(
    unknowns,
    figures.map((x) => x.f),
    sums,
  );
  tables.forEach((t, ti) => {
    const rawTable = raw[ti]!;
    for (const line of rawTable.lines as Row[])
      setKronor(line, unknowns.kronorOf(line, solution), lineFigureFields);
    const own = outcome.unreproduced.filter((u) =>
      figures.some((x) => x.ti === ti && x.f.line === u.line && x.f.figure === u.figure),
    );
    setUnreproduced(rawTable, own);
  });
}

function solveInvestments(table: SeedInvestmentTable, raw: Row) {
  const unknowns = new Unknowns();
  const rawLines = raw.lines as Row[];
  const rawLine = new Map(table.lines.map((l, i) => [l, rawLines[i]!]));
  const { figures } = investmentTableFigures(
    table,
    (l, field) =>
      unknowns.amount(
        rawLine.get(l)!,
        l.name,
        field,
        presentAmounts(l, investmentAmountFields, investmentDerivations),
        ours((l as Record<string, unknown>)[field], table.signConvention, l.signReversed?.includes(field)),
      ),
    linearArithmetic,
  );
  // A category's figures are trusted less than those of the lines under it, the more so the
  // more levels of sums it stands on.
  const children = investmentChildren(table);
  const height = (key: string): number =>
    Math.max(0, ...(children.get(key) ?? []).map((c) => 1 + height(c.key)));
  const byName = new Map(table.lines.map((l) => [l.name, l]));
  const ranked = figures
    .map((f, i) => ({ f, i, rank: height(byName.get(f.line)!.key) }))
    .filter(({ f, rank }) => !(f.kind === 'amount' && rank === 0))
    .sort((a, b) => a.rank - b.rank || a.i - b.i);
  const { solution, outcome } = solveFigures(
    unknowns,
    ranked.map((x) => x.f),
    [],
  );
  for (const line of rawLines) setKronor(line, unknowns.kronorOf(line, solution), investmentFigureFields);
  setUnreproduced(raw, outcome.unreproduced);
}

/** Puts `kronor` right after the line's printed figures, where a reader compares them. */
function setKronor(line: Row, kronor: Record<string, number> | undefined, figureFields: readonly string[]) {
  const entries = Object.entries(line).filter(([k]) => k !== 'kronor');
  for (const k of Object.keys(line)) delete line[k];
  const lastFigure = entries.reduce(
    (at, [k], i) => (figureFields.includes(k) || k === 'label' || k === 'name' ? i : at),
    -1,
  );
  entries.forEach(([k, v], i) => {
    line[k] = v;
    if (i === lastFigure && kronor) line.kronor = kronor;
  });
}

function setUnreproduced(table: Row, unreproduced: Outcome['unreproduced']) {
  delete table.unreproduced;
  if (unreproduced.length > 0) table.unreproduced = unreproduced;
}

function solveFile(path: string): boolean {
  const text = readFileSync(path, 'utf8');
  const raw = JSON.parse(text) as Row;
  const parsed = seedFile.parse(raw);
  const tables = parsed.economyTables ?? [];
  const rawTables = (raw.economyTables ?? []) as Row[];
  const groups = new Map<string, number[]>();
  tables.forEach((t, i) => {
    const key = `${t.unit}|${t.period}|${t.ledger}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  for (const indexes of groups.values()) {
    solveEconomyGroup(
      indexes.map((i) => tables[i]!),
      indexes.map((i) => rawTables[i]!),
    );
  }
  (parsed.investmentTables ?? []).forEach((t, i) => solveInvestments(t, (raw.investmentTables as Row[])[i]!));
  const out = `${JSON.stringify(raw, null, 2)}\n`;
  if (out !== text) writeFileSync(path, out);
  return out !== text;
}

for (const kommun of readdirSync(seedDataDir, { withFileTypes: true }).filter((d) => d.isDirectory())) {
  for (const file of readdirSync(join(seedDataDir, kommun.name)).filter((f) => f.endsWith('.json'))) {
    const path = join(seedDataDir, kommun.name, file);
    const raw = JSON.parse(readFileSync(path, 'utf8')) as Row;
    if (!raw.economyTables && !raw.investmentTables) continue;
    const changed = solveFile(path);
    console.log(`${kommun.name}/${file}: ${changed ? 'uppdaterad' : 'oförändrad'}`);
  }
}
