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
 * Figures (as opposed to the segment counts) need more: their counts are whole numbers between 0
 * and a cell's size, and such bounds can pin down a small cell that no combination isolates. For
 * them protectCells asks that every cell hold nobody or at least k people, which implies the above.
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
const SEARCH_STEPS = 50_000;

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
function reduce(matrix: ReadonlyArray<readonly bigint[]>, columns: number): Reduced {
  const work = matrix.map((row, i): { values: bigint[]; combination: bigint[] } => ({
    values: [...row],
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
function combinationRows(reduced: Reduced, target: readonly bigint[], rowCount: number): number[] {
  let scale = 1n;
  for (const row of reduced.rows) scale = lcm(scale, row.values[row.pivot] ?? 1n);
  const alpha = new Array<bigint>(rowCount).fill(0n);
  for (const row of reduced.rows) {
    const t = target[row.pivot] ?? 0n;
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

/** An echelon basis (integer rows sorted by pivot) of a growing span of vectors. */
class Span {
  private constructor(private readonly basis: bigint[][]) {}

  static empty(): Span {
    return new Span([]);
  }

  /** What is left of v once the span is taken out: zero exactly when v is in the span. */
  residual(vector: readonly bigint[]): bigint[] {
    let v = [...vector];
    for (const row of this.basis) {
      const j = row.findIndex((x) => x !== 0n);
      const f = v[j] ?? 0n;
      if (f === 0n) continue;
      const p = row[j] ?? 1n;
      v = primitive(v.map((x, t) => x * p - (row[t] ?? 0n) * f));
    }
    return v;
  }

  /** A larger span with v, or null when v is already in this one. */
  with(vector: readonly bigint[]): Span | null {
    const v = this.residual(vector);
    if (v.every((x) => x === 0n)) return null;
    const pivot = (row: bigint[]) => row.findIndex((x) => x !== 0n);
    return new Span([...this.basis, v].sort((a, b) => pivot(a) - pivot(b)));
  }

  get vectors(): readonly bigint[][] {
    return this.basis;
  }

  get rank(): number {
    return this.basis.length;
  }
}

function binomialAtMost(n: number, r: number, limit: number): boolean {
  let value = 1;
  for (let i = 1; i <= r; i++) {
    value = (value * (n - r + i)) / i;
    if (value > limit) return false;
  }
  return true;
}

/** Flats × light cells tried at most by the exact search of findLeak; past that, the kernel search is used. */
const FLAT_LIMIT = 100_000;

/** The span of the heavy cells (k or more people: never part of a small support), and of all cells. */
function spans(columns: ReadonlyArray<readonly bigint[]>, sizes: readonly number[], k: number): { heavy: Span; all: Span } {
  let heavy = Span.empty();
  columns.forEach((column, c) => {
    if ((sizes[c] ?? 0) >= k) heavy = heavy.with(column) ?? heavy;
  });
  let all = heavy;
  for (const column of columns) all = all.with(column) ?? all;
  return { heavy, all };
}

/**
 * A quick proof that there is no leak, when it can find one: disjoint sets of light cells, each
 * of which, with the heavy cells (k or more people, never part of a small support), spans every
 * column. Removing the cells of a small support must then miss one of those sets whole, unless it
 * holds a cell of each: if that costs k people or more, removing fewer than k never lowers the
 * rank, so no combination lives on fewer than k.
 */
function certifiedSafe(columns: ReadonlyArray<readonly bigint[]>, sizes: readonly number[], k: number): boolean {
  const { heavy, all } = spans(columns, sizes, k);
  if (all.rank === heavy.rank) return true;
  const unused = new Set(columns.flatMap((_, c) => ((sizes[c] ?? 0) < k ? [c] : [])));
  let cost = 0;
  for (;;) {
    let span = heavy;
    const used: number[] = [];
    for (const c of unused) {
      const next = span.with(columns[c] ?? []);
      if (next === null) continue;
      span = next;
      used.push(c);
      if (span.rank === all.rank) break;
    }
    if (span.rank < all.rank) return false;
    for (const c of used) unused.delete(c);
    cost += Math.min(...used.map((c) => sizes[c] ?? 0));
    if (cost >= k) return true;
  }
}

/**
 * The exact search when the cells of k or more people (which can never be part of a small
 * support) already span nearly all of the column space: a smallest support is the complement of
 * a hyperplane of the columns, which contains every heavy column, so it is spanned by them and
 * d − 1 light columns, d being the rank the heavy columns miss. Returns the leaking cells, null
 * when there is none, or undefined when there are too many hyperplanes to try.
 */
function searchFlats(columns: ReadonlyArray<readonly bigint[]>, sizes: readonly number[], k: number): { cells: number[]; flat: Span } | null | undefined {
  const { heavy, all } = spans(columns, sizes, k);
  const missing = all.rank - heavy.rank;
  if (missing === 0) return null;
  const light = columns.flatMap((column, c) => ((sizes[c] ?? 0) < k && !heavy.residual(column).every((x) => x === 0n) ? [c] : []));
  if (!binomialAtMost(light.length, missing - 1, FLAT_LIMIT / Math.max(1, light.length))) return undefined;
  let found: { cells: number[]; flat: Span } | null = null;
  const visit = (from: number, flat: Span, depth: number): void => {
    if (found !== null) return;
    if (depth === missing - 1) {
      const outside = light.filter((c) => !flat.residual(columns[c] ?? []).every((x) => x === 0n));
      const weight = outside.reduce((sum, c) => sum + (sizes[c] ?? 0), 0);
      if (outside.length > 0 && weight < k) found = { cells: outside, flat };
      return;
    }
    for (let i = from; i < light.length && found === null; i++) {
      const next = flat.with(columns[light[i] ?? 0] ?? []);
      if (next !== null) visit(i + 1, next, depth + 1);
    }
  };
  visit(0, heavy, 0);
  return found;
}

/**
 * A leak, or null when there is none: a nonzero combination of the rows that involves fewer than
 * k people, that is a vector of the row space supported on cells holding fewer than k people
 * together. The sum over a small set (the group minus its shown segments) is one; so is the
 * difference between two people (overlapping segments of a multiple question), which whoever is
 * one of the two turns into the other's answers. `people[c]` is the number of people in cell c;
 * `members[r]` the cells of row r. Cells are merged first; `cells` names merged cells.
 *
 * A vector supported on a set T of cells lies in the row space exactly when it is orthogonal to
 * the kernel, so T leaks exactly when the kernel coordinates of its cells are linearly dependent
 * (a cell whose coordinates are all zero is determined alone).
 */
export function findLeak(people: readonly number[], members: ReadonlyArray<readonly number[]>, k: number): Leak | null {
  const { people: sizes, matrix } = mergeCells(people, members);
  const columns = sizes.length;
  if (columns === 0 || !sizes.some((n) => n < k)) return null;
  const reduced = reduce(
    matrix.map((row) => row.map((x) => BigInt(x))),
    columns,
  );
  const columnVectors = sizes.map((_, c) => matrix.map((row) => BigInt(row[c] ?? 0)));
  if (certifiedSafe(columnVectors, sizes, k)) return null;
  const flats = searchFlats(columnVectors, sizes, k);
  if (flats === null) return null;
  if (flats !== undefined) {
    // A combination α of the rows orthogonal to the flat but not to the leaking columns.
    const alphas = kernel(reduce(flats.flat.vectors, matrix.length), matrix.length);
    const alpha = alphas.find((a) => flats.cells.some((c) => (columnVectors[c] ?? []).reduce((sum, x, r) => sum + x * (a[r] ?? 0n), 0n) !== 0n));
    return { cells: flats.cells, rows: alpha === undefined ? [] : alpha.flatMap((x, r) => (x === 0n ? [] : [r])) };
  }
  const basis = kernel(reduced, columns);
  const coordinates = sizes.map((_, c) => basis.map((v) => v[c] ?? 0n));
  // Only cells of fewer than k people can be part of a small support. A cell with a coordinate
  // that no other candidate shares cannot be in a minimal dependent set: drop it, until stable.
  let candidates = sizes.flatMap((n, c) => (n < k ? [c] : []));
  for (let changed = true; changed; ) {
    changed = false;
    const kept = candidates.filter((c) => (coordinates[c] ?? []).every((x, j) => x === 0n || candidates.some((o) => o !== c && (coordinates[o]?.[j] ?? 0n) !== 0n)));
    if (kept.length < candidates.length) {
      candidates = kept;
      changed = true;
    }
  }
  candidates.sort((a, b) => (sizes[a] ?? 0) - (sizes[b] ?? 0) || a - b);
  const leakOn = (cells: number[]): Leak => {
    // A nonzero v with Σ v_c·coordinates[c] = 0 over the set: a kernel vector of its transpose.
    const transpose = basis.map((_, j) => cells.map((c) => coordinates[c]?.[j] ?? 0n));
    const weights = basis.length === 0 ? [cells.map(() => 1n)] : kernel(reduce(transpose, cells.length), cells.length);
    const w = weights[0] ?? cells.map(() => 1n);
    const target = sizes.map(() => 0n);
    cells.forEach((c, i) => {
      target[c] = w[i] ?? 0n;
    });
    return { cells, rows: combinationRows(reduced, target, matrix.length) };
  };
  let steps = 0;
  /** Depth-first over independent sets (kept in echelon form, sorted by pivot), in candidate order, within the budget. */
  const search = (from: number, chosen: number[], echelon: bigint[][], total: number): number[] | null | 'gave-up' => {
    for (let i = from; i < candidates.length; i++) {
      if (++steps > SEARCH_STEPS) return 'gave-up';
      const c = candidates[i] ?? 0;
      const n = sizes[c] ?? 0;
      if (total + n >= k) continue;
      let v = [...(coordinates[c] ?? [])];
      for (const row of echelon) {
        const j = row.findIndex((x) => x !== 0n);
        const f = v[j] ?? 0n;
        if (f === 0n) continue;
        const p = row[j] ?? 1n;
        v = primitive(v.map((x, t) => x * p - (row[t] ?? 0n) * f));
      }
      if (v.every((x) => x === 0n)) return [...chosen, c];
      // Kept sorted by pivot: reducing in that order leaves every pivot column of v at zero.
      const pivot = (row: bigint[]) => row.findIndex((x) => x !== 0n);
      const next = [...echelon, v].sort((a, b) => pivot(a) - pivot(b));
      const found = search(i + 1, [...chosen, c], next, total + n);
      if (found !== null) return found;
    }
    return null;
  };
  const found = search(0, [], [], 0);
  if (found === 'gave-up') return { cells: [], rows: [] };
  return found === null ? null : leakOn(found);
}

/**
 * The rows to withhold so that nothing about fewer than k people can be worked out from the rows
 * that are left. Rows for which `keep(row)` is true are never withheld (the whole group): they
 * must not leak on their own. Each round withholds the smallest row that takes part in a leak.
 */
export function protectRows(people: readonly number[], members: ReadonlyArray<readonly number[]>, k: number, keep: (row: number) => boolean): Set<number> {
  const withheld = new Set<number>();
  if (!people.some((n) => n > 0 && n < k)) return withheld;
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

/**
 * The rows to withhold so that every cell (the people in exactly the same rows left) holds either
 * nobody or at least k people, under each of the `peoples` vectors. This is stricter than "no
 * linear combination involves fewer than k" (which it implies: a combination's support is a union
 * of cells) and is what figures need, because their counts are whole numbers between 0 and a
 * cell's size: with five using only mail, five only chat, five only wiki and one all three, no
 * combination of group, chat and wiki isolates that one person, yet an answer chosen once in the
 * group, once in chat and once in wiki can only be theirs. The segment counts themselves are
 * checked with protectRows: how many people are in an overlap is a count like any other.
 *
 * Rows for which `keep(row)` is true are never withheld; the others go smallest first: a small
 * cell's smallest row, or, for a small cell that only kept rows hold, the smallest row of all.
 */
export function protectCells(peoples: ReadonlyArray<readonly number[]>, members: ReadonlyArray<readonly number[]>, k: number, keep: (row: number) => boolean): Set<number> {
  const withheld = new Set<number>();
  const at = peoples.filter((people) => people.some((n) => n > 0 && n < k));
  if (at.length === 0) return withheld;
  /** A cell of fewer than k among the rows not withheld, with the rows that hold it. */
  const smallCell = (): { rows: number[]; people: readonly number[] } | undefined => {
    const shown = members.map((_, row) => row).filter((row) => !withheld.has(row));
    for (const people of at) {
      const { people: sizes, matrix } = mergeCells(
        people,
        shown.map((row) => members[row] ?? []),
      );
      const cell = sizes.findIndex((n) => n < k);
      if (cell >= 0) return { rows: matrix.flatMap((row, i) => (row[cell] === 1 ? [shown[i] ?? -1] : [])), people };
    }
    return undefined;
  };
  for (let small = smallCell(); small !== undefined; small = smallCell()) {
    const people = small.people;
    const size = (row: number) => (members[row] ?? []).reduce((sum, c) => sum + (people[c] ?? 0), 0);
    const holding = small.rows.filter((row) => row >= 0 && !keep(row));
    const shown = members.map((_, row) => row).filter((row) => !withheld.has(row));
    const pool = holding.length > 0 ? holding : shown.filter((row) => !keep(row));
    if (pool.length === 0) {
      for (const row of shown) withheld.add(row);
      return withheld;
    }
    withheld.add(pool.reduce((best, row) => (size(row) < size(best) ? row : best)));
  }
  // Withholding smallest first can take more than needed (with two breakdowns crossed, a row of
  // each in turn): give back, largest first, every row that leaves no small cell.
  const total = (row: number) => (members[row] ?? []).reduce((sum, c) => sum + (peoples[0]?.[c] ?? 0), 0);
  for (const row of [...withheld].filter((r) => !keep(r)).sort((x, y) => total(y) - total(x) || x - y)) {
    withheld.delete(row);
    if (smallCell() !== undefined) withheld.add(row);
  }
  return withheld;
}
