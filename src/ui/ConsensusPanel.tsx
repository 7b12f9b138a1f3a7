export function ConsensusPanel() {
  return (
    <section className="panel" aria-label="Consensus">
      TODO
    </section>
  );
}
