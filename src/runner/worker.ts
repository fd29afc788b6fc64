// Worker-thread entry (bundled as dist/worker.js): lints the files the pool sends (worker-loop.ts).
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerData, WorkerRequest, WorkerResponse } from './pool.js';
import { serveLints } from './worker-loop.js';

const port = parentPort!;
serveLints(workerData as WorkerData, {
  onMessage: (h) => port.on('message', (msg: WorkerRequest) => h(msg)),
  send: (msg: WorkerResponse) => port.postMessage(msg),
});
