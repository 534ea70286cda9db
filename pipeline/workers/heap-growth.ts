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
import type { Worker } from "node:worker_threads";

const SEMI_SPACE_MB = 4;
const SEMI_SPACE_FLAG = `--max-semi-space-size=${SEMI_SPACE_MB}`;
export const HEAP_GROWTH_FLAGS = ["--heap-growing-percent=20", SEMI_SPACE_FLAG] as const;
/** The semi-space bound boundHeapGrowth set, in MB; 0 until it does (V8 reads 0 as "not set": its own default). */
let boundSemiSpaceMb = 0;

/**
 * Three settings that only take effect when the process starts, so `make dataset` (the
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
 *  - `MALLOC_MMAP_THRESHOLD_=131072`: glibc serves a block of 128 KiB or more with mmap,
 *    returned to the system when freed, but raises that threshold each time such a block
 *    is freed (up to 32 MiB), after which large blocks come from the arenas and stay there.
 *    Fixed at its starting value, they keep going back. Measured on 50 MB of the bench's
 *    made-up names, 2 workers, four alternating pairs: peak RSS 254, 248, 249 and 256 MiB
 *    against 260, 269, 272 and 267 (both in phase 1), the main thread at 77–82 MiB when
 *    resolve starts against 90–92; wall time 56.6–61.7 s against 57.3–60.6.
 */
export const LAUNCH_ENV = { MALLOC_ARENA_MAX: "2", MALLOC_MMAP_THRESHOLD_: "131072" } as const;
export const LAUNCH_NODE_FLAGS = [SEMI_SPACE_FLAG] as const;

export function boundHeapGrowth(): void {
  for (const flag of HEAP_GROWTH_FLAGS) setFlagsFromString(flag);
  boundSemiSpaceMb = SEMI_SPACE_MB;
}

/**
 * The semi-space of phase 2's table worker (workers/table-thread.ts), in MB: V8's own default
 * bound on 64-bit machines. That thread holds a Parquet row group of each table it writes (up
 * to ~2 MiB of cells) while it parses, validates and formats rows past it, and at 4 MB those
 * cells were copied from scavenge to scavenge into the old generation. Phase 2 replayed on the
 * 200 MB bench corpus's spills, alternating (wall, CPU, peak RSS): 61.8 s, 97.0 CPU-s, 204 MiB
 * and 63.8 s, 100.7 CPU-s, 208 MiB at 4 MB; 55.0 s, 88.4 CPU-s, 235 MiB and 55.3 s, 88.9 CPU-s,
 * 241 MiB at 16 MB; 8 MB gained 1–3 s, 32 MB the time of 16 for ~55 MiB more. Against the code
 * before, later the same hour: 47.3 and 49.5 s, 74.7 and 78.2 CPU-s, 200 and 206 MiB before;
 * 44.3 and 44.0 s, 71.0 and 70.9 CPU-s, 241 and 241 MiB after. Phase 2's peak stays below
 * phase 1's (255 MiB on that corpus). The workers of phase 1 keep 4 MB: 8 MB there saved ~3%
 * of phase 1's time for ~20 MiB more at phase 1's peak, which is the run's.
 */
export const TABLE_WORKER_SEMI_SPACE_MB = 16;

/**
 * Starts a worker whose young generation may grow to `semiSpaceMb` semi-spaces, then puts the
 * bound back for the threads started after it. A V8 flag is the process's, read when a thread
 * makes its heap, after `start` returns (the flag wins over a worker's resourceLimits), so the
 * bound is restored once the thread is online, or gone: no other worker may start meanwhile.
 */
export function startWithSemiSpace<T extends Worker>(semiSpaceMb: number, start: () => T): T {
  const setSemiSpace = (mb: number) => setFlagsFromString(`--max-semi-space-size=${mb}`);
  setSemiSpace(semiSpaceMb);
  let worker: T;
  try {
    worker = start();
  } catch (e) {
    setSemiSpace(boundSemiSpaceMb);
    throw e;
  }
  // once only: a later exit must not undo the bound another such start has set meanwhile
  // (a worker that fails to start exits; no "error" listener here, which would count its error as handled)
  const restore = () => {
    worker.off("online", restore).off("exit", restore);
    setSemiSpace(boundSemiSpaceMb);
  };
  worker.once("online", restore).once("exit", restore);
  return worker;
}
