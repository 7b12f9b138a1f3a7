// Files for the command line: reading only regular files, size-capped before and while reading (a FIFO or
// /dev/zero must not hang it), and checking that an --out file can be written before a long run starts.
import {
  accessSync,
  closeSync,
  constants,
  fstatSync,
  openSync,
  readSync,
  statSync,
  type Stats,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

export const errCode = (e: unknown) => (e as { code?: string }).code ?? 'an error';

/**
 * At most `cap` bytes of a regular file, or why not. Opened without blocking (a FIFO would otherwise wait for a
 * writer), checked with fstat on the open descriptor (no window to swap the file), and read to one byte past the
 * cap at most, so a file that grows after the check is still refused.
 */
export function readRegularFile(
  file: string,
  cap: number,
): { bytes: Uint8Array } | { usage: string } | { size: number } {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { usage: `Cannot read the file "${file}" (${errCode(e)}).` };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { usage: `"${file}" is ${kindOf(st)}; --import reads a GET /chain JSON file.` };
    if (st.size > cap) return { size: st.size };
    let buf = Buffer.alloc(Math.min(cap, st.size) + 1);
    let len = 0;
    for (;;) {
      if (len === buf.length) {
        if (len > cap) break;
        const bigger = Buffer.alloc(Math.min(cap + 1, buf.length * 2));
        buf.copy(bigger);
        buf = bigger;
      }
      const got = readSync(fd, buf, len, buf.length - len, null);
      if (got === 0) break;
      len += got;
    }
    return len > cap ? { size: len } : { bytes: buf.subarray(0, len) };
  } catch (e) {
    return { usage: `Cannot read the file "${file}" (${errCode(e)}).` };
  } finally {
    closeSync(fd);
  }
}

/** Why `file` cannot be written by --out, checked before a run that may take minutes; null when it can. */
export function outProblem(file: string, option = '--out'): string | null {
  if (file === '') return `${option} needs a file name.`;
  let st: Stats | undefined;
  try {
    st = statSync(file);
  } catch (e) {
    if (errCode(e) !== 'ENOENT' && errCode(e) !== 'ENOTDIR')
      return `Cannot write to "${file}" (${errCode(e)}).`;
  }
  if (st?.isDirectory())
    return `${option} "${file}" is a folder; give a file name, such as ${join(file, 'run.json')}.`;
  const folder = dirname(resolve(file));
  try {
    if (!statSync(folder).isDirectory()) return `${option} "${file}": "${folder}" is not a folder.`;
  } catch {
    return `${option} "${file}": the folder "${folder}" does not exist. Create it first, or write somewhere else.`;
  }
  try {
    accessSync(st ? file : folder, constants.W_OK);
  } catch {
    return `${option} "${file}": ${st ? 'the file' : `the folder "${folder}"`} is not writable.`;
  }
  return null;
}
