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
