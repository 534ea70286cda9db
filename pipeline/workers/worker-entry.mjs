// Worker threads do not inherit tsx's loader from the parent, so the entry point
// is plain JavaScript that registers it and then loads the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./document-worker.ts");
