// Worker-thread entry (bundled as dist/worker.js): lints the files the pool sends, with its own
// configuration finder and rule sets (built once per configuration and kept for the worker's life).
import { parentPort, workerData } from 'node:worker_threads';
import { setPackageRoot } from '../shared/paths.js';
import { FileLinter } from './file-linter.js';
import type { WorkerData, WorkerRequest, WorkerResponse } from './pool.js';

const data = workerData as WorkerData;
if (data.packageRoot) setPackageRoot(data.packageRoot);
const linter = new FileLinter(data.options);
const port = parentPort!;

port.on('message', (msg: WorkerRequest) => {
  const bytes = msg.bytes ? Buffer.from(msg.bytes.buffer, msg.bytes.byteOffset, msg.bytes.byteLength) : undefined;
  linter.lint(msg.file, bytes).then(
    (result) => port.postMessage({ id: msg.id, result } satisfies WorkerResponse),
    (e: unknown) => {
      const err = e as Error & { where?: string };
      port.postMessage({ id: msg.id, error: { name: err?.name ?? 'Error', message: err?.message ?? String(e), stack: err?.stack } } satisfies WorkerResponse);
    },
  );
});
