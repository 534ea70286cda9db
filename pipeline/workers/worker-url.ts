/**
 * Where a worker thread's module is. Built to JavaScript (dist/, what `make dataset`
 * runs), a worker loads its module directly; run from the TypeScript sources (tests,
 * tsx), it goes through worker-entry.mjs, which registers tsx and then loads the
 * module named by the worker's `tsEntry` data (the document worker when none is named).
 */
export type WorkerModule = "document-worker" | "table-worker";

const BUILT = import.meta.url.endsWith(".js");

export function workerUrl(module: WorkerModule): URL {
  return BUILT ? new URL(`./${module}.js`, import.meta.url) : new URL("./worker-entry.mjs", import.meta.url);
}

/** The worker data that tells worker-entry.mjs which TypeScript module to load. */
export function tsEntry(module: WorkerModule): { tsEntry: string } {
  return { tsEntry: `./${module}.ts` };
}
