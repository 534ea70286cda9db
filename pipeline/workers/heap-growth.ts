/**
 * How far V8 lets this process's heaps grow beyond what they hold.
 *
 * By default V8 sizes a heap to several times its live data when the program
 * allocates fast, and a pipeline streaming rows does: the orchestrating thread's
 * heap reached ~190 MB while holding ~15 MB (a heap snapshot after GC said so), and
 * peak RSS grew with it. Two flags bound that growth:
 *  - `--heap-growing-percent=20`: after each full GC the heap may grow 20% past its
 *    live data before the next one (V8 otherwise picks up to 4×);
 *  - `--max-semi-space-size=4`: the young generation of the threads that do not set
 *    their own (the document workers do, through resourceLimits).
 * Measured on a 10 MB corpus with 2 workers: peak RSS ~367 → ~318 MB, CPU time within
 * the run-to-run noise. They are V8 flags, so they apply to the whole process, worker
 * threads included; the CLI and `make bench` set them first thing, before any worker
 * starts. A library user who calls runDataset may set them the same way, or not.
 */
import { setFlagsFromString } from "node:v8";

export const HEAP_GROWTH_FLAGS = ["--heap-growing-percent=20", "--max-semi-space-size=4"] as const;

export function boundHeapGrowth(): void {
  for (const flag of HEAP_GROWTH_FLAGS) setFlagsFromString(flag);
}
