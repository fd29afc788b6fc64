// A pool of worker threads that lint files in parallel (--concurrency; the main thread lints too,
// see lint-files.ts). Files are handed out in order, a few at a time per worker; results come back
// as plain FileResults and the caller puts them in file order, so the report is identical to a
// single-threaded run. Each worker keeps its own configurations and rule sets for its lifetime.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ConfigError, InputError } from '../shared/errors.js';
import { packageRoot } from '../shared/paths.js';
import { snapshotState } from '../shared/snapshot-state.js';
import type { FileResult } from '../shared/types.js';
import type { FileLinterOptions } from './file-linter.js';

export interface WorkerData {
  options: FileLinterOptions;
  packageRoot?: string;
}
export interface WorkerRequest {
  id: number;
  file: string;
  bytes?: Uint8Array;
}
export type WorkerResponse =
  { id: number; result: FileResult } | { id: number; error: { name: string; message: string; stack?: string } };

/**
 * With `auto`, one thread per this many files and this many bytes at most: a worker's start-up
 * (bundle, rule sets, tagger, JIT warm-up) costs about a second of CPU (200 distinct-sentence
 * files, 0.8 MB: 3.3 s of CPU in one thread, 4.5 s with a worker, and slower by the clock too),
 * about what a thread spends linting 1 MB, so it pays only when it takes over more than that.
 */
export const FILES_PER_WORKER = 24;
export const BYTES_PER_WORKER = 2 * 2 ** 20;
/** Files handed to a worker before it finishes one, so it never waits for the main thread. */
export const IN_FLIGHT = 2;

/**
 * How many threads lint (the main thread and N - 1 workers): 1 means the main thread alone.
 * `cores`: the CPUs this process may run on (os.availableParallelism() follows taskset and CPU
 * affinity), given by tests.
 */
export function resolveConcurrency(
  setting: number | 'auto' | undefined,
  files: number,
  bytes = Number.POSITIVE_INFINITY,
  cores = availableParallelism(),
): number {
  if (setting === undefined || files <= 1) return 1;
  // One core is left to the garbage collector and the OS: on two cores a worker was measured
  // slower than the main thread alone (2,000 files: 3.0 s against 2.8 s), and on one core a
  // worker only adds its start-up.
  if (setting === 'auto')
    return Math.max(1, Math.min(cores - 1, Math.floor(files / FILES_PER_WORKER), Math.floor(bytes / BYTES_PER_WORKER)));
  return Math.max(1, Math.min(setting, files));
}

export function parseConcurrency(value: string): number | 'auto' {
  if (value === 'auto') return 'auto';
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new ConfigError(`--concurrency "${value}": must be auto or a whole number, 1 or more`);
  return n;
}

/**
 * The bundled worker script. The pool's code may sit in dist/ or in dist/chunks/, so look in both;
 * from TypeScript sources (tests) there is no script and the caller lints in the main thread.
 */
export function workerScript(): URL | undefined {
  const self = import.meta.url;
  const real = self.startsWith('file:') && existsSync(fileURLToPath(self));
  // In the start-up snapshot import.meta.url is not the bundle's file; the package root is known.
  const candidates = real
    ? [new URL('./worker.js', self), new URL('../worker.js', self)]
    : [pathToFileURL(join(packageRoot(), 'dist', 'worker.js'))];
  return candidates.find((url) => existsSync(fileURLToPath(url)));
}

/** One worker as the pool sees it: a worker thread or a worker process. */
interface WorkerLane {
  post(msg: WorkerRequest): void;
  onMessage(h: (msg: WorkerResponse) => void): void;
  onError(h: (e: Error) => void): void;
  onExit(h: (code: number) => void): void;
  terminate(): Promise<unknown>;
}

/** How workers start: a thread running a script, or a process from the start-up snapshot. */
export type WorkerLauncher = { thread: URL } | { snapshot: { execPath: string; execArgv: string[] } };

/**
 * How this run's workers start. A run that started from the start-up snapshot starts its workers
 * as processes from the same snapshot: the tagger, the rule set and their compiled code are
 * loaded already (a worker thread loads and compiles them again: about a second of CPU). Else a
 * worker thread on the bundled script; undefined when there is none (TypeScript sources).
 */
export function workerLauncher(): WorkerLauncher | undefined {
  const at = process.execArgv.indexOf('--snapshot-blob');
  if (snapshotState.started && at >= 0 && at + 1 < process.execArgv.length)
    return { snapshot: { execPath: process.execPath, execArgv: process.execArgv } };
  const script = workerScript();
  return script ? { thread: script } : undefined;
}

function threadLane(script: URL, data: WorkerData): WorkerLane {
  const worker = new Worker(script, { workerData: data });
  return {
    post: (msg) => worker.postMessage(msg),
    onMessage: (h) => worker.on('message', h),
    onError: (h) => worker.on('error', h),
    onExit: (h) => worker.on('exit', h),
    terminate: () => worker.terminate(),
  };
}

function processLane(launch: { execPath: string; execArgv: string[] }, data: WorkerData): WorkerLane {
  // No standard input or output: the worker talks over the IPC channel only; its standard error
  // is the run's, for a crash report.
  const child = spawn(launch.execPath, [...launch.execArgv, '--'], {
    env: { ...process.env, PITCHLINT_WORKER: '1' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  child.send({ data });
  let exited: Promise<void> | undefined;
  return {
    post: (msg) => child.send(msg),
    onMessage: (h) => child.on('message', h),
    onError: (h) => child.on('error', h),
    onExit: (h) => child.on('exit', (code, signal) => h(code ?? (signal ? 1 : 0))),
    terminate() {
      exited ??= new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        // Closing the channel ends the worker (it exits on 'disconnect').
        if (child.connected) child.disconnect();
        else child.kill();
      });
      return exited;
    },
  };
}

interface Slot {
  worker: WorkerLane;
  inFlight: number;
}
interface Task {
  id: number;
  file: string;
  bytes?: Buffer;
  resolve(r: FileResult): void;
  reject(e: Error): void;
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private readonly pending = new Map<number, { task: Task; slot: Slot }>();
  private nextId = 1;
  private failed: Error | undefined;

  constructor(launcher: WorkerLauncher, size: number, options: FileLinterOptions) {
    const data: WorkerData = { options, packageRoot: packageRoot() };
    for (let i = 0; i < size; i++) {
      const worker = 'thread' in launcher ? threadLane(launcher.thread, data) : processLane(launcher.snapshot, data);
      const slot: Slot = { worker, inFlight: 0 };
      worker.onMessage((msg: WorkerResponse) => this.settle(slot, msg));
      worker.onError((e) => this.fail(e));
      worker.onExit((code) => {
        if (code !== 0 && !this.closing) this.fail(new Error(`a lint worker stopped (exit code ${code})`));
      });
      this.slots.push(slot);
    }
  }

  private closing = false;

  lint(file: string, bytes?: Buffer): Promise<FileResult> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, file, bytes, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length) {
      let best: Slot | undefined;
      for (const s of this.slots) if (s.inFlight < IN_FLIGHT && (!best || s.inFlight < best.inFlight)) best = s;
      if (!best) return;
      const task = this.queue.shift()!;
      best.inFlight++;
      this.pending.set(task.id, { task, slot: best });
      const msg: WorkerRequest = {
        id: task.id,
        file: task.file,
        ...(task.bytes ? { bytes: new Uint8Array(task.bytes) } : {}),
      };
      best.worker.post(msg);
    }
  }

  private settle(slot: Slot, msg: WorkerResponse): void {
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    slot.inFlight--;
    if ('result' in msg) p.task.resolve(msg.result);
    else p.task.reject(rebuildError(msg.error));
    this.pump();
  }

  private fail(e: Error): void {
    if (this.failed) return;
    this.failed = e;
    for (const { task } of this.pending.values()) task.reject(e);
    for (const task of this.queue) task.reject(e);
    this.pending.clear();
    this.queue.length = 0;
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

function rebuildError(e: { name: string; message: string; stack?: string }): Error {
  let err: Error;
  if (e.name === 'ConfigError' || e.name === 'RuleLoadError') err = new ConfigError(e.message);
  else if (e.name === 'InputError') err = new InputError(e.message);
  else {
    err = new Error(e.message);
    if (e.stack) err.stack = e.stack;
  }
  return err;
}
