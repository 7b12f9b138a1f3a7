import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

declare const brand: unique symbol;
/** A SHA-256 digest as 64 lowercase hex characters. */
export type HexHash = string & { readonly [brand]: 'HexHash' };

export function sha256Hex(text: string): HexHash {
  return bytesToHex(sha256(utf8ToBytes(text))) as HexHash;
}

export function sha256BytesHex(bytes: Uint8Array): HexHash {
  return bytesToHex(sha256(bytes)) as HexHash;
}

/** Leading zero hex digits of a hex digest. */
export function leadingHexZeros(hex: string): number {
  let n = 0;
  while (n < hex.length && hex.charCodeAt(n) === 48) n++;
  return n;
}

/** Leading zero bits of a hex digest (difficulty of the header rule is counted in bits). */
export function leadingZeroBits(hex: string): number {
  let bits = 0;
  for (let i = 0; i < hex.length; i++) {
    const nibble = parseInt(hex[i] as string, 16);
    if (nibble === 0) {
      bits += 4;
      continue;
    }
    return bits + Math.clz32(nibble) - 28;
  }
  return bits;
}
