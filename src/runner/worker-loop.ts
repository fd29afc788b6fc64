// The lint loop of a worker, whichever way it was started: a worker thread (worker.ts, from the
// bundle) or a worker process started from the start-up snapshot (cli/snapshot-entry.ts). It
// lints the files it is sent, one reply per request, with its own configuration finder and rule
// sets (built once per configuration and kept for the worker's life).
import { setPackageRoot } from '../shared/paths.js';
import { FileLinter } from './file-linter.js';
import type { WorkerData, WorkerRequest, WorkerResponse } from './pool.js';

export interface WorkerChannel {
  onMessage(handler: (msg: WorkerRequest) => void): void;
  send(msg: WorkerResponse): void;
}

export function serveLints(data: WorkerData, channel: WorkerChannel): void {
  if (data.packageRoot) setPackageRoot(data.packageRoot);
  const linter = new FileLinter(data.options);
  channel.onMessage((msg) => {
    const bytes = msg.bytes ? Buffer.from(msg.bytes.buffer, msg.bytes.byteOffset, msg.bytes.byteLength) : undefined;
    linter.lint(msg.file, bytes).then(
      (result) => channel.send({ id: msg.id, result }),
      (e: unknown) => {
        const err = e as Error & { where?: string };
        channel.send({
          id: msg.id,
          error: { name: err?.name ?? 'Error', message: err?.message ?? String(e), stack: err?.stack },
        });
      },
    );
  });
}

/**
 * A worker process (started from the snapshot with PITCHLINT_WORKER=1): the first message is its
 * WorkerData, the rest are requests. It ends when the parent closes the channel or goes away.
 */
export function serveLintsOverIpc(): void {
  const send = (msg: WorkerResponse): void => {
    process.send?.(msg);
  };
  let handler: ((msg: WorkerRequest) => void) | undefined;
  const pending: WorkerRequest[] = [];
  process.on('disconnect', () => process.exit(0));
  process.on('message', (msg: { data?: WorkerData } | WorkerRequest) => {
    if ('data' in msg && msg.data) {
      serveLints(msg.data, {
        onMessage: (h) => {
          handler = h;
          for (const m of pending.splice(0)) h(m);
        },
        send,
      });
      return;
    }
    if (handler) handler(msg as WorkerRequest);
    else pending.push(msg as WorkerRequest);
  });
}
