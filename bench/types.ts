/** One benchmark: `run` is called many times; return a value so the work is not optimised away. */
export interface Benchmark {
  /** Short name shown in the table, e.g. `'proportionCI wilson'`. */
  name: string;
  /** The work to time. Called once per operation. */
  run: () => unknown;
}

/**
 * Declare the benchmarks of a `bench/*.bench.ts` file: `export default defineBenchmarks([...])`.
 * `bench/run.ts` finds every such file and prints a table.
 */
export function defineBenchmarks(benchmarks: Benchmark[]): Benchmark[] {
  return benchmarks;
}

/**
 * A report: work that is timed its own way (for example beside another tool, such as R, in the same run)
 * and printed after the table as lines of text. Declare with `export const reports = defineReports([...])`
 * in a `bench/*.bench.ts` file; `npm run bench -- FILTER` runs the reports whose file or name contains FILTER.
 */
export interface Report {
  /** Heading printed above the lines. */
  name: string;
  /** Do the work and return the lines to print. */
  run: () => string[] | Promise<string[]>;
}

/** Declare the reports of a `bench/*.bench.ts` file: `export const reports = defineReports([...])`. */
export function defineReports(reports: Report[]): Report[] {
  return reports;
}
