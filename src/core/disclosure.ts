/**
 * Disclosure control for group outputs (SPEC section 10): which of the figures of one kind may be
 * shown together without letting anyone work out a figure about fewer than k people.
 *
 * The model. One "figure" (a dimension's scores, a question's answers, the segment counts) is shown
 * as several rows: the whole group and some segments. Each row is a sum over its contributors (the
 * respondents of that group or segment who have a score / were asked) of some value per person: 1
 * for a count, the score for a sum (= mean × n), 0/1 for a level or an option. Respondents who are
 * in exactly the same rows form a "cell": nothing shown tells them apart. A linear combination of
 * the rows gives the sum over a set S of cells exactly when the indicator 1_S lies in the row space,
 * that is when it is orthogonal to every vector of the kernel of the rows × cells matrix. There is
 * a leak when that holds for a nonempty S holding fewer than k people: the group minus its shown
 * segments (single, boolean, the null "no answer" segment), overlapping segments of a multiple
 * question, and combinations across breakdowns are all of that form.
 *
 * Everything is exact (BigInt Gaussian elimination); the matrices are small (rows: segments shown,
 * cells: distinct membership patterns). The search for a leaking set is bounded; when the bound is
 * reached the answer is "leak", so that the caller withholds more rather than less.
 */

/** A leak: a set of cells (indexes into the caller's cells) and the rows that combine into it. */
export interface Leak {
  cells: number[];
  /** Rows with a nonzero coefficient in one combination that gives the leaking set; empty when unknown. */
  rows: number[];
}

/** The search gives up (and reports a leak, to be safe) after this many steps. */
const SEARCH_STEPS = 200_000;

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b;
}

/** Divides a vector by the gcd of its entries (leaves a zero vector alone). */
function primitive(vector: bigint[]): bigint[] {
  let g = 0n;
  for (const x of vector) g = gcd(g, x);
  return g <= 1n ? vector : vector.map((x) => x / g);
}

interface Reduced {
  /** Reduced rows (integers), each with its pivot column. */
  rows: Array<{ values: bigint[]; pivot: number; combination: bigint[] }>;
  pivotColumns: Set<number>;
}

/**
 * Integer Gauss–Jordan elimination of `matrix` (rows × columns), tracking, for every reduced row,
 * the combination of the original rows it is (so that a solution can name the rows it uses).
 */
function reduce(matrix: ReadonlyArray<readonly number[]>, columns: number): Reduced {
  const work = matrix.map((row, i): { values: bigint[]; combination: bigint[] } => ({
    values: row.map((x) => BigInt(x)),
    combination: matrix.map((_, j) => (i === j ? 1n : 0n)),
  }));
  const rows: Reduced['rows'] = [];
  const pivotColumns = new Set<number>();
  let next = 0;
  for (let column = 0; column < columns && next < work.length; column++) {
    const found = work.findIndex((row, i) => i >= next && row.values[column] !== 0n);
    if (found < 0) continue;
    const chosen = work[found];
    const other = work[next];
    if (chosen === undefined || other === undefined) continue;
    work[found] = other;
    work[next] = chosen;
    const p = chosen.values[column] ?? 1n;
    for (let i = 0; i < work.length; i++) {
      const row = work[i];
      if (i === next || row === undefined) continue;
      const f = row.values[column] ?? 0n;
      if (f === 0n) continue;
      const values = row.values.map((x, j) => x * p - (chosen.values[j] ?? 0n) * f);
      const combination = row.combination.map((x, j) => x * p - (chosen.combination[j] ?? 0n) * f);
      let g = 0n;
      for (const x of values) g = gcd(g, x);
      for (const x of combination) g = gcd(g, x);
      work[i] = g <= 1n ? { values, combination } : { values: values.map((x) => x / g), combination: combination.map((x) => x / g) };
    }
    pivotColumns.add(column);
    next += 1;
  }
  for (let i = 0; i < next; i++) {
    const row = work[i];
    if (row === undefined) continue;
    const pivot = row.values.findIndex((x) => x !== 0n);
    rows.push({ values: row.values, pivot, combination: row.combination });
  }
  return { rows, pivotColumns };
}

/** A basis of the kernel of the reduced matrix, as integer vectors over the columns. */
function kernel(reduced: Reduced, columns: number): bigint[][] {
  const basis: bigint[][] = [];
  let scale = 1n;
  for (const row of reduced.rows) scale = lcm(scale, (row.values[row.pivot] ?? 1n) < 0n ? -(row.values[row.pivot] ?? 1n) : (row.values[row.pivot] ?? 1n));
  for (let free = 0; free < columns; free++) {
    if (reduced.pivotColumns.has(free)) continue;
    const vector = new Array<bigint>(columns).fill(0n);
    vector[free] = scale;
    for (const row of reduced.rows) {
      const p = row.values[row.pivot] ?? 1n;
      vector[row.pivot] = -((row.values[free] ?? 0n) * scale) / p;
    }
    basis.push(primitive(vector));
  }
  return basis;
}

/** The rows with a nonzero coefficient in a combination of the matrix rows equal to `target` (assumed in the row space). */
function combinationRows(reduced: Reduced, target: readonly number[], rowCount: number): number[] {
  let scale = 1n;
  for (const row of reduced.rows) scale = lcm(scale, row.values[row.pivot] ?? 1n);
  const alpha = new Array<bigint>(rowCount).fill(0n);
  for (const row of reduced.rows) {
    const t = BigInt(target[row.pivot] ?? 0);
    if (t === 0n) continue;
    const c = (t * scale) / (row.values[row.pivot] ?? 1n);
    row.combination.forEach((x, j) => {
      alpha[j] = (alpha[j] ?? 0n) + c * x;
    });
  }
  return alpha.flatMap((x, j) => (x === 0n ? [] : [j]));
}

/**
 * Merges cells that are in exactly the same rows: only those merged cells can be told apart.
 * `members[row]` lists the cells of a row. Returns, per merged cell, its people and its rows.
 */
function mergeCells(people: readonly number[], members: ReadonlyArray<readonly number[]>): { people: number[]; matrix: number[][] } {
  const rowsOf = people.map(() => [] as number[]);
  members.forEach((cells, row) => {
    for (const cell of cells) rowsOf[cell]?.push(row);
  });
  const merged = new Map<string, { people: number; rows: number[] }>();
  people.forEach((n, cell) => {
    if (n <= 0) return;
    const rows = rowsOf[cell] ?? [];
    const key = rows.join(',');
    const seen = merged.get(key);
    if (seen === undefined) merged.set(key, { people: n, rows });
    else seen.people += n;
  });
  const cells = [...merged.values()];
  const matrix = members.map((_, row) => cells.map((c) => (c.rows.includes(row) ? 1 : 0)));
  return { people: cells.map((c) => c.people), matrix };
}

/**
 * A nonempty set of cells with fewer than k people whose sum the rows determine, or null when
 * there is none. `people[c]` is the number of people in cell c; `members[r]` the cells of row r.
 * Cells are merged first; the returned leak names merged cells (`cells` is informative only).
 */
export function findLeak(people: readonly number[], members: ReadonlyArray<readonly number[]>, k: number): Leak | null {
  const { people: sizes, matrix } = mergeCells(people, members);
  const columns = sizes.length;
  if (columns === 0 || !sizes.some((n) => n < k)) return null;
  const reduced = reduce(matrix, columns);
  const basis = kernel(reduced, columns);
  // Each cell's coordinates in the kernel: a set is determined when they sum to zero.
  const coordinates = sizes.map((_, c) => basis.map((v) => v[c] ?? 0n));
  const small = sizes.flatMap((n, c) => (n < k ? [c] : []));
  const leak = (cells: number[]): Leak => {
    const target = sizes.map((_, c) => (cells.includes(c) ? 1 : 0));
    return { cells, rows: combinationRows(reduced, target, matrix.length) };
  };
  let steps = 0;
  // Depth-first, the first cell being the smallest index of the set; each next cell must cancel
  // the first nonzero coordinate of the partial sum, so the branching stays narrow.
  const search = (chosen: number[], sum: bigint[], total: number): number[] | null | 'gave-up' => {
    if (++steps > SEARCH_STEPS) return 'gave-up';
    const j = sum.findIndex((x) => x !== 0n);
    if (j < 0) return chosen;
    const first = chosen[0] ?? 0;
    for (const c of small) {
      if (c <= first || chosen.includes(c)) continue;
      if ((coordinates[c]?.[j] ?? 0n) === 0n) continue;
      const n = sizes[c] ?? 0;
      if (total + n >= k) continue;
      const found = search([...chosen, c], sum.map((x, i) => x + (coordinates[c]?.[i] ?? 0n)), total + n);
      if (found !== null) return found;
    }
    return null;
  };
  for (const c of small) {
    const found = search([c], [...(coordinates[c] ?? [])], sizes[c] ?? 0);
    if (found === 'gave-up') return { cells: [], rows: [] };
    if (found !== null) return leak(found);
  }
  return null;
}

/**
 * The rows to withhold so that nothing about fewer than k people can be worked out from the rows
 * that are left. Rows for which `keep(row)` is true are never withheld (the whole group): they
 * must not leak on their own. Each round withholds the smallest row that takes part in a leak.
 */
export function protectRows(people: readonly number[], members: ReadonlyArray<readonly number[]>, k: number, keep: (row: number) => boolean): Set<number> {
  const withheld = new Set<number>();
  const size = (row: number) => (members[row] ?? []).reduce((sum, c) => sum + (people[c] ?? 0), 0);
  for (;;) {
    const shown = members.map((_, row) => row).filter((row) => !withheld.has(row));
    const leak = findLeak(people, shown.map((row) => members[row] ?? []), k);
    if (leak === null) return withheld;
    const taking = leak.rows.length > 0 ? leak.rows.map((i) => shown[i] ?? -1) : shown;
    const candidates = taking.filter((row) => row >= 0 && !keep(row));
    const pool = candidates.length > 0 ? candidates : shown.filter((row) => !keep(row));
    if (pool.length === 0) {
      // Only the kept rows are left and they leak: nothing may be shown.
      for (const row of shown) withheld.add(row);
      return withheld;
    }
    const smallest = pool.reduce((best, row) => (size(row) < size(best) ? row : best));
    withheld.add(smallest);
  }
}
