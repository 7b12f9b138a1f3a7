import { lazy, Suspense } from 'react';

// The diagram's drawing code loads just after the first render: the first page stays within its JS budget
// (test/e2e/layout.test.ts).
const SequenceView = lazy(() => import('./SequenceView').then((m) => ({ default: m.SequenceView })));

export function LazySequenceView() {
  return (
    <Suspense fallback={<p className="muted">Loading the message diagram…</p>}>
      <SequenceView />
    </Suspense>
  );
}
