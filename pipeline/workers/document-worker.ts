/** Runs in a worker thread: processes one document per message, answers with its result. */
import { parentPort } from "node:worker_threads";
import { processDocument, type DocumentTask } from "../process-document.js";

parentPort!.on("message", (m: { id: number; task: DocumentTask }) => {
  parentPort!.postMessage({ id: m.id, result: processDocument(m.task) });
});
