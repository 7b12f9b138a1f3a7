// Whether the address is one of the classroom's pages (src/ui/classroom/ClassroomRoot.tsx): `?join`,
// `?teacher=KEY` or `?tabs`. Kept apart so the app's entry decides without loading the classroom's code.
export function isClassroomLocation(search: string): boolean {
  const q = new URLSearchParams(search);
  return q.has('join') || q.has('teacher') || q.has('tabs');
}
