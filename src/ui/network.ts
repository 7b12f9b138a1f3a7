// Pure helpers for the network panel: splitting the nodes into two sides and moving one across.

/** Two halves, in node order (the first half is side A). */
export function halves(ids: readonly string[]): string[][] {
  const half = Math.ceil(ids.length / 2);
  return [ids.slice(0, half), ids.slice(half)];
}

/** Move `id` to the other side; a side left empty means the network is whole again (null). */
export function moveAcross(groups: readonly (readonly string[])[], id: string): string[][] | null {
  const [a = [], b = []] = groups;
  const next = a.includes(id)
    ? [a.filter((x) => x !== id), [...b, id]]
    : [[...a, id], b.filter((x) => x !== id)];
  return next.every((g) => g.length > 0) ? next : null;
}
