// Worker threads do not inherit tsx's loader from the parent, so the entry point
// is plain JavaScript that registers it and then loads the TypeScript worker: the
// document worker, or the module the worker's data names (worker-url.ts).
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData?.tsEntry ?? "./document-worker.ts");
