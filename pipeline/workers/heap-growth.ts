/**
 * How far V8 lets this process's heaps grow beyond what they hold.
 *
 * By default V8 sizes a heap to several times its live data when the program
 * allocates fast, and a pipeline streaming rows does: the orchestrating thread's
 * heap reached ~190 MB while holding ~15 MB (a heap snapshot after GC said so), and
 * peak RSS grew with it. Two flags bound that growth:
 *  - `--heap-growing-percent=20`: after each full GC the heap may grow 20% past its
 *    live data before the next one (V8 otherwise picks up to 4×);
 *  - `--max-semi-space-size=4`: the young generation of every thread started after
 *    it is set, the workers included (the flag overrides their resourceLimits).
 * Measured on a 10 MB corpus with 2 workers: peak RSS ~367 → ~318 MB, CPU time within
 * the run-to-run noise. A worker's semi-space trades memory for scavenges: each worker
 * scavenged ~1,300 times in 1.5–1.8 s at 2 MB, ~660 times in 1.2–1.3 s at 4 MB, ~340
 * times in 0.8 s at 8 MB, for 251, 257 and 279 MB of peak RSS. They are V8 flags, so
 * they apply to the whole process; the CLI and `make bench` set them first thing,
 * before any worker starts. A library user who calls runDataset may set them the same
 * way, or not.
 */
import { setFlagsFromString } from "node:v8";

const SEMI_SPACE_FLAG = "--max-semi-space-size=4";
export const HEAP_GROWTH_FLAGS = ["--heap-growing-percent=20", SEMI_SPACE_FLAG] as const;

/**
 * Two settings that only take effect when the process starts, so `make dataset` (the
 * Makefile) and `make bench` launch node with them; a test keeps the Makefile's copy
 * equal to this one:
 *  - the semi-space flag on the command line too: set at run time (above), it sizes
 *    the threads started afterwards but not the main thread's young generation, which
 *    already exists (V8's default lets it grow to 16 MB);
 *  - `MALLOC_ARENA_MAX=2`: glibc gives each thread a malloc arena of its own, and a
 *    worker's arena keeps what it once held (other C libraries ignore the variable).
 * Measured on a 10 MB corpus, 2 workers: peak RSS 297 MB with neither, 266–270 MB with
 * MALLOC_ARENA_MAX=2, 249–250 MB with a 2 MB semi-space flag too; wall and CPU time
 * within this machine's run-to-run noise (±20% here). A 4 MB main semi-space halves the
 * main thread's scavenges (1,220 → 600, 1.6 → 1.1 s of its CPU) for 2 MB of RSS.
 */
export const LAUNCH_ENV = { MALLOC_ARENA_MAX: "2" } as const;
export const LAUNCH_NODE_FLAGS = [SEMI_SPACE_FLAG] as const;

export function boundHeapGrowth(): void {
  for (const flag of HEAP_GROWTH_FLAGS) setFlagsFromString(flag);
}
