// A worker for the pool's tests: doubles numbers, holds ~80 MB for "hog", dies on "die".
import { parentPort } from "node:worker_threads";

parentPort.on("message", ({ id, task }) => {
  if (task === "die") process.exit(7);
  if (task === "hog") {
    const kept = [];
    for (let i = 0; i < 80; i++) kept.push(new Array(131072).fill(i)); // ~1 MB each, all live
    parentPort.postMessage({ id, result: `held ${kept.length} MB` });
    return;
  }
  parentPort.postMessage({ id, result: task * 2 });
});
