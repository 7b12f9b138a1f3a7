// Reading a byte stream with a cap, stopping as soon as it is passed: a link that unpacks to gigabytes, a peer
// that answers forever. Used by share links (link.ts) and by requests to real nodes (src/http/askPeer.ts).

/** Every byte of `stream`, or null once more than `cap` bytes arrived (the rest is cancelled, not read). */
export async function readCapped(
  stream: ReadableStream<Uint8Array>,
  cap: number,
): Promise<Uint8Array | null> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > cap) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
