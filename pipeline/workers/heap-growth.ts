/**
 * How far V8 lets this process's heaps grow beyond what they hold.
 *
 * By default V8 sizes a heap to several times its live data when the program
 * allocates fast, and a pipeline streaming rows does: the orchestrating thread's
 * heap reached ~190 MB while holding ~15 MB (a heap snapshot after GC said so), and
 * peak RSS grew with it. Two flags bound that growth:
 *  - `--heap-growing-percent=20`: after each full GC the heap may grow 20% past its
 *    live data before the next one (V8 otherwise picks up to 4×);
 *  - `--max-semi-space-size=2`: the young generation of the threads that do not set
 *    their own (the document workers do, through resourceLimits).
 * Measured on a 10 MB corpus with 2 workers: peak RSS ~367 → ~318 MB (with a 4 MB
 * semi-space), CPU time within the run-to-run noise. They are V8 flags, so they apply
 * to the whole process, worker threads included; the CLI and `make bench` set them
 * first thing, before any worker starts. A library user who calls runDataset may set
 * them the same way, or not.
 */
import { setFlagsFromString } from "node:v8";

export const HEAP_GROWTH_FLAGS = ["--heap-growing-percent=20", "--max-semi-space-size=2"] as const;

/**
 * Two settings that only take effect when the process starts, so `make dataset` (the
 * Makefile) and `make bench` launch node with them; a test keeps the Makefile's copy
 * equal to this one:
 *  - the young-generation flag on the command line: set at run time (above), it no
 *    longer resizes the main thread's young generation, which already exists;
 *  - `MALLOC_ARENA_MAX=2`: glibc gives each thread a malloc arena of its own, and a
 *    worker's arena keeps what it once held (other C libraries ignore the variable).
 * Measured on a 10 MB corpus, 2 workers, three runs each: peak RSS 297 MB with
 * neither, 266–270 MB with MALLOC_ARENA_MAX=2, 249–250 MB with the flag too; wall and
 * CPU time within this machine's run-to-run noise (±20% here).
 */
export const LAUNCH_ENV = { MALLOC_ARENA_MAX: "2" } as const;
export const LAUNCH_NODE_FLAGS = ["--max-semi-space-size=2"] as const;

export function boundHeapGrowth(): void {
  for (const flag of HEAP_GROWTH_FLAGS) setFlagsFromString(flag);
}
