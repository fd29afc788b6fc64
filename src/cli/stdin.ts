// Read all of standard input as bytes (decoding is the adapter's job), up to the same size limit
// as a file: standard input from /dev/zero or an endless pipe stops with one line.
import { readStreamBounded } from '../shared/bounded-read.js';
import { MAX_INPUT_BYTES } from '../shared/limits.js';

export async function readStdin(limit = MAX_INPUT_BYTES): Promise<Buffer> {
  return readStreamBounded(process.stdin, limit, 'standard input');
}
