// --data FILE: the node's chain, pending transactions and peers across restarts (the text: src/http/nodeData.ts).
// Written before any 2xx answer leaves (src/http/nodeEngine.ts), atomically — a temporary file, fsync, rename,
// fsync of the folder — so a kill -9 at any moment leaves either the old state or the new one, never half a
// file, and loses nothing that was answered.
import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { dataText } from '../http/nodeData';
import type { NodeState } from '../sim/world';

export function saveData(file: string, node: NodeState): void {
  const tmp = join(dirname(file), `.${Date.now()}.${process.pid}.tmp`);
  const fd = openSync(tmp, 'w', 0o644);
  try {
    writeSync(fd, dataText(node));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  // The rename itself is only durable once the folder is.
  const dir = openSync(dirname(file), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}
