export function ChainPanel() {
  return (
    <section className="panel" aria-label="Chain">
      TODO
    </section>
  );
}
