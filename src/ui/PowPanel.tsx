export function PowPanel() {
  return (
    <section className="panel" aria-label="Pow">
      TODO
    </section>
  );
}
