export function MempoolPanel() {
  return (
    <section className="panel" aria-label="Mempool">
      TODO
    </section>
  );
}
