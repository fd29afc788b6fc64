// --shard i/n: split the files of a run between n CI jobs. A file belongs to shard
// (hash(path relative to the working folder) mod n) + 1, so every job, given the same checkout,
// agrees on the split: together the n jobs lint every file exactly once. The assignment of a file
// does not depend on which other files exist, so adding a template moves no other file.
import { createHash } from 'node:crypto';
import { ConfigError } from '../shared/errors.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export function parseShard(value: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new ConfigError(`--shard "${value}": must be i/n with 1 <= i <= n, e.g. --shard 2/4`);
  }
  return { index, count };
}

/** The 1-based shard a file (posix path relative to the working folder) belongs to. */
export function shardOf(relPath: string, count: number): number {
  const h = createHash('sha1').update(relPath).digest();
  return (h.readUInt32BE(0) % count) + 1;
}

export function inShard(relPath: string, shard: Shard): boolean {
  return shard.count === 1 || shardOf(relPath, shard.count) === shard.index;
}
