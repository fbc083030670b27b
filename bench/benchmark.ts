// The contract of a benchmark file (bench/<name>.bench.ts) and small statistics helpers they share.

export interface Benchmark {
  /** Printed as the heading of the benchmark's table. */
  title: string;
  run(): Promise<void>;
}

/** The q-th quantile (0–1) of already sorted numbers, nearest rank. */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

/** Prints rows as an aligned two-column table. */
export function printTable(title: string, rows: [string, string][]): void {
  const width = Math.max(...rows.map(([label]) => label.length), 'measure'.length);
  const valueWidth = Math.max(...rows.map(([, value]) => value.length), 'value'.length);
  const line = `+-${'-'.repeat(width)}-+-${'-'.repeat(valueWidth)}-+`;
  console.log(`\n${title}`);
  console.log(line);
  console.log(`| ${'measure'.padEnd(width)} | ${'value'.padEnd(valueWidth)} |`);
  console.log(line);
  for (const [label, value] of rows) console.log(`| ${label.padEnd(width)} | ${value.padStart(valueWidth)} |`);
  console.log(line);
}
