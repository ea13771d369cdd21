/**
 * A small exact solver for the kronor behind a printed table: integer unknowns with bounds,
 * and linear constraints lo ≤ Σ aᵢxᵢ ≤ hi. A linear programme first finds the point deepest
 * inside every constraint (or proves there is none: then no integers exist either); a
 * depth-first search with bounds propagation then looks for integers, trying the rounded
 * deep point first, so it rarely backtracks. Deterministic, and exact in the end: every
 * answer is checked in integers.
 */
import type { Arithmetic } from '../../modules/economy/economy-figures.js';

/** Σ terms + constant, over unknowns by index. */
export interface Linear {
  terms: Map<number, number>;
  constant: number;
}

export const linear = {
  of: (index: number): Linear => ({ terms: new Map([[index, 1]]), constant: 0 }),
  scale(e: Linear, k: number): Linear {
    return { terms: new Map([...e.terms].map(([i, a]) => [i, a * k])), constant: e.constant * k };
  },
  combine(a: Linear, b: Linear, k: number): Linear {
    const terms = new Map(a.terms);
    for (const [i, c] of b.terms) {
      const sum = (terms.get(i) ?? 0) + k * c;
      if (sum === 0) terms.delete(i);
      else terms.set(i, sum);
    }
    return { terms, constant: a.constant + k * b.constant };
  },
};

export const linearArithmetic: Arithmetic<Linear> = {
  add: (a, b) => linear.combine(a, b, 1),
  sub: (a, b) => linear.combine(a, b, -1),
};

export interface Constraint {
  terms: [number, number][];
  lo: number;
  hi: number;
}

/** lo ≤ e ≤ hi as a constraint over the unknowns (the constant moved to the bounds). */
export function within(e: Linear, lo: number, hi: number): Constraint {
  return { terms: [...e.terms], lo: lo - e.constant, hi: hi - e.constant };
}

export interface Unknown {
  lo: number;
  hi: number;
  /** Tried first; null: the middle of what is left. */
  prefer: number | null;
}

/** Far beyond any municipal amount, small enough that sums of products stay exact in a double. */
export const UNBOUNDED = 1e11;
const NODE_LIMIT = Number(process.env.KRONOR_NODE_LIMIT ?? 2_000_000);

export class SolverLimit extends Error {}

/**
 * The point that lies deepest inside all constraints (each row scaled to its largest
 * coefficient), by a dense simplex: maximise t subject to lo + t ≤ a·x ≤ hi − t and the
 * bounds alike. Null when even the deepest point lies outside (t < 0): then the
 * constraints have no real, let alone integer, solution. Offsets from `origin` keep the
 * numbers small.
 */
function deepestPoint(unknowns: Unknown[], constraints: Constraint[], origin: number[]): number[] | null {
  const n = unknowns.length;
  // Rows a·x + t ≤ b over x = p − q (p, q ≥ 0) and t = t' − shift (t' ≥ 0).
  const rows: { a: Map<number, number>; b: number }[] = [];
  const add = (terms: [number, number][], b: number) => {
    const scale = Math.max(...terms.map(([, a]) => Math.abs(a)));
    if (!(scale > 0)) {
      if (b < 0) rows.push({ a: new Map(), b: b });
      return;
    }
    rows.push({ a: new Map(terms.map(([i, a]) => [i, a / scale])), b: b / scale });
  };
  for (const c of constraints) {
    const at = c.terms.reduce((acc, [i, a]) => acc + a * origin[i]!, 0);
    if (c.hi !== Infinity) add(c.terms, c.hi - at);
    if (c.lo !== -Infinity)
      add(
        c.terms.map(([i, a]) => [i, -a]),
        -(c.lo - at),
      );
  }
  unknowns.forEach((u, i) => {
    if (u.hi < UNBOUNDED) add([[i, 1]], u.hi - origin[i]!);
    if (u.lo > -UNBOUNDED) add([[i, -1]], -(u.lo - origin[i]!));
  });
  const CAP = 1000;
  const shift = Math.max(0, ...rows.map((r) => -r.b));
  const m = rows.length + 1;
  // Columns: p (n), q (n), t' (1), slacks (m), rhs.
  const cols = 2 * n + 1 + m;
  const T = Array.from({ length: m + 1 }, () => new Float64Array(cols + 1));
  rows.forEach((r, k) => {
    for (const [i, a] of r.a) {
      T[k]![i] = a;
      T[k]![n + i] = -a;
    }
    T[k]![2 * n] = 1;
    T[k]![2 * n + 1 + k] = 1;
    T[k]![cols] = r.b + shift;
  });
  // t ≤ CAP: deep enough; it keeps the programme bounded.
  T[m - 1]![2 * n] = 1;
  T[m - 1]![2 * n + 1 + m - 1] = 1;
  T[m - 1]![cols] = CAP + shift;
  const obj = T[m]!;
  obj[2 * n] = -1;
  const basis = Array.from({ length: m }, (_, k) => 2 * n + 1 + k);
  const EPS = 1e-9;
  for (let iteration = 0; iteration < 50_000; iteration++) {
    // Bland's rule: the first improving column, the first row of the ratio test; it never cycles.
    let enter = -1;
    for (let j = 0; j < cols; j++) {
      if (obj[j]! < -EPS) {
        enter = j;
        break;
      }
    }
    if (enter < 0) break;
    let leave = -1;
    let best = Infinity;
    for (let k = 0; k < m; k++) {
      const a = T[k]![enter]!;
      if (a > EPS) {
        const ratio = T[k]![cols]! / a;
        if (ratio < best - EPS || (Math.abs(ratio - best) <= EPS && basis[k]! < basis[leave]!)) {
          best = ratio;
          leave = k;
        }
      }
    }
    if (leave < 0) throw new Error('unbounded programme');
    const pivot = T[leave]!;
    const p = pivot[enter]!;
    for (let j = 0; j <= cols; j++) pivot[j]! /= p;
    for (let k = 0; k <= m; k++) {
      if (k === leave) continue;
      const row = T[k]!;
      const f = row[enter]!;
      if (Math.abs(f) < 1e-15) continue;
      for (let j = 0; j <= cols; j++) row[j]! -= f * pivot[j]!;
    }
    basis[leave] = enter;
  }
  const value = new Float64Array(cols);
  basis.forEach((b, k) => (value[b] = T[k]![cols]!));
  if (value[2 * n]! - shift < -1e-6) return null;
  return unknowns.map((_, i) => origin[i]! + value[i]! - value[n + i]!);
}

/** Integers for the unknowns satisfying every constraint, or null when there are none. */
export function solve(unknowns: Unknown[], constraints: Constraint[]): number[] | null {
  const origin = unknowns.map((u) => u.prefer ?? 0);
  const deep = deepestPoint(unknowns, constraints, origin);
  if (!deep) return null;
  return search(
    unknowns.map((u, i) => ({ ...u, prefer: Math.round(deep[i]!) })),
    constraints,
  );
}

function search(unknowns: Unknown[], constraints: Constraint[]): number[] | null {
  const watching: number[][] = unknowns.map(() => []);
  constraints.forEach((c, ci) => c.terms.forEach(([i]) => watching[i]!.push(ci)));
  // Printed unknowns first: the unprinted ones follow from them.
  const order = unknowns
    .map((u, i) => ({ i, printed: u.prefer !== null }))
    .sort((a, b) => Number(b.printed) - Number(a.printed) || a.i - b.i)
    .map((x) => x.i);
  let nodes = 0;

  function propagate(lo: number[], hi: number[]): boolean {
    const queue = constraints.map((_, ci) => ci);
    const queued = constraints.map(() => true);
    // Chains of constraints can tighten one krona at a time; past this the search splits instead.
    let budget = 200 * constraints.length + 1000;
    while (queue.length > 0 && budget-- > 0) {
      const ci = queue.shift()!;
      queued[ci] = false;
      const c = constraints[ci]!;
      let min = 0;
      let max = 0;
      for (const [i, a] of c.terms) {
        min += a > 0 ? a * lo[i]! : a * hi[i]!;
        max += a > 0 ? a * hi[i]! : a * lo[i]!;
      }
      if (min > c.hi || max < c.lo) return false;
      for (const [i, a] of c.terms) {
        const cmin = a > 0 ? a * lo[i]! : a * hi[i]!;
        const cmax = a > 0 ? a * hi[i]! : a * lo[i]!;
        const upper = c.hi - (min - cmin);
        const lower = c.lo - (max - cmax);
        const newLo = a > 0 ? Math.ceil(lower / a) : Math.ceil(upper / a);
        const newHi = a > 0 ? Math.floor(upper / a) : Math.floor(lower / a);
        if (newLo > lo[i]! || newHi < hi[i]!) {
          lo[i] = Math.max(lo[i]!, newLo);
          hi[i] = Math.min(hi[i]!, newHi);
          if (lo[i] > hi[i]) return false;
          for (const other of watching[i]!) {
            if (!queued[other]) {
              queued[other] = true;
              queue.push(other);
            }
          }
        }
      }
    }
    return true;
  }

  function dive(lo: number[], hi: number[], tried: boolean[]): number[] | null {
    if (++nodes > NODE_LIMIT) throw new SolverLimit('the kronor search gave up');
    if (!propagate(lo, hi)) return null;
    const i = order.find((j) => lo[j]! < hi[j]!);
    if (i === undefined) return lo;
    const branch = (l: number, h: number, triedHere: boolean) => {
      const [l2, h2, t2] = [[...lo], [...hi], [...tried]];
      l2[i] = l;
      h2[i] = h;
      t2[i] = triedHere;
      return dive(l2, h2, t2);
    };
    const middle = Math.floor((lo[i]! + hi[i]!) / 2);
    const prefer = Math.min(hi[i]!, Math.max(lo[i]!, unknowns[i]!.prefer ?? middle));
    if (!tried[i]) {
      return (
        branch(prefer, prefer, true) ??
        (prefer > lo[i]! ? branch(lo[i]!, prefer - 1, true) : null) ??
        (prefer < hi[i]! ? branch(prefer + 1, hi[i]!, true) : null)
      );
    }
    // Halves, the one nearer the preferred value first.
    const halves: [number, number][] = [
      [lo[i]!, middle],
      [middle + 1, hi[i]!],
    ];
    if (prefer > middle) halves.reverse();
    return branch(...halves[0]!, true) ?? branch(...halves[1]!, true);
  }

  return dive(
    unknowns.map((u) => u.lo),
    unknowns.map((u) => u.hi),
    unknowns.map(() => false),
  );
}

/** A group of constraints that stands or falls together: the constraints of one printed figure. */
export interface Requirement {
  constraints: Constraint[];
}

/**
 * Which requirements to give up when not all can hold: taken in the given order (the most
 * trusted first), each kept if it can hold with those kept so far. For each one given up, a
 * smallest set of kept requirements and printed unknowns it conflicts with (a deletion
 * filter: each member is needed for the conflict).
 */
export function relax(
  unknowns: Unknown[],
  requirements: Requirement[],
): { solution: number[]; dropped: { index: number; conflictsWith: number[]; unknowns: number[] }[] } {
  const flat = (kept: number[]) => kept.flatMap((r) => requirements[r]!.constraints);
  const all = requirements.map((_, i) => i);
  const first = solve(unknowns, flat(all));
  if (first) return { solution: first, dropped: [] };
  const kept: number[] = [];
  const given: number[] = [];
  for (const r of all) {
    if (solve(unknowns, flat([...kept, r]))) kept.push(r);
    else given.push(r);
  }
  const widened = (keep: Set<number>) =>
    unknowns.map((u, i) => (keep.has(i) ? u : { lo: -UNBOUNDED, hi: UNBOUNDED, prefer: u.prefer }));
  const dropped = given.map((r) => {
    let others = [...kept];
    for (const candidate of [...others]) {
      const without = others.filter((o) => o !== candidate);
      if (!solve(unknowns, flat([...without, r]))) others = without;
    }
    let bounded = new Set(unknowns.map((_, i) => i));
    for (const candidate of [...bounded]) {
      const without = new Set([...bounded].filter((b) => b !== candidate));
      if (!solve(widened(without), flat([...others, r]))) bounded = without;
    }
    return { index: r, conflictsWith: others, unknowns: [...bounded] };
  });
  return { solution: solve(unknowns, flat(kept))!, dropped };
}
