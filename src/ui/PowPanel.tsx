// Proof of work, live: what every node is hashing right now, how attempts per block are spread, and the
// tutorial's warm-up puzzle to try by hand.
import type { ProofRule } from '../core/pow';
import { AttemptHistogram } from './AttemptHistogram';
import { useApp, useAppShallow } from './context';
import { count } from './format';
import { PowNodeRow } from './PowNodeRow';
import { describeDifficulty } from './powMath';
import { WarmUp } from './WarmUp';
import './PowPanel.css';

const RULE_TEXT: Record<ProofRule, string> = {
  tutorial: 'sha256(f"{last_proof}{proof}{last_hash}")',
  'tutorial-original': 'sha256(f"{last_proof}{proof}") — the original article',
  header: 'a block header hash, counted in bits',
};

export function PowPanel() {
  const ids = useAppShallow((s) => s.nodes.map((n) => n.id));
  const pow = useApp((s) => s.params.pow);
  const { expected, label } = describeDifficulty(pow);

  return (
    <section className="panel pow-panel" aria-label="Proof of work">
      <h2>Proof of work</h2>
      <p className="pow-target">
        A proof counts when <code>{RULE_TEXT[pow.rule]}</code> starts with {label}: on average{' '}
        <strong className="pow-expected">{count(expected)}</strong> attempts per block.
      </p>
      {ids.length === 0 ? (
        <p className="muted">No nodes yet — add one to watch it mine.</p>
      ) : (
        <ul className="pow-nodes">
          {ids.map((id) => (
            <PowNodeRow key={id} id={id} pow={pow} expected={expected} />
          ))}
        </ul>
      )}
      <AttemptHistogram pow={pow} />
      <details className="pow-warmup">
        <summary>Warm-up: the tutorial's first puzzle</summary>
        <WarmUp />
      </details>
    </section>
  );
}
