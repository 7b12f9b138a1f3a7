export default function ChartsPanel() {
  return (
    <section className="panel" aria-label="Charts">
      TODO
    </section>
  );
}
