// Proof of work, live: what every node is hashing right now, how attempts per block are spread, and the
// tutorial's warm-up puzzle to try by hand.
import type { ProofRule } from '../core/pow';
import { useText } from '../i18n/useText';
import { AttemptHistogram } from './AttemptHistogram';
import { useApp, useAppShallow } from './context';
import { count } from './format';
import { PowNodeRow } from './PowNodeRow';
import { describeDifficulty } from './powMath';
import { WarmUp } from './WarmUp';
import './PowPanel.css';

// Protocol text, byte-exact in every language; the header rule is described in words instead.
const RULE_TEXT: Record<Exclude<ProofRule, 'header'>, string> = {
  tutorial: 'sha256(f"{last_proof}{proof}{last_hash}")',
  'tutorial-original': 'sha256(f"{last_proof}{proof}")',
};

export function PowPanel() {
  const ids = useAppShallow((s) => s.nodes.map((n) => n.id));
  const pow = useApp((s) => s.params.pow);
  const { t } = useText();
  const { expected } = describeDifficulty(pow);
  const zeros =
    pow.rule === 'header'
      ? t('pow.zeroBits', { count: pow.difficulty })
      : t('pow.hexZeros', { count: pow.difficulty });

  return (
    <section className="panel pow-panel" aria-label={t('pow.title')}>
      <h2>{t('pow.title')}</h2>
      <p className="pow-target">
        {t('pow.countsWhen')}{' '}
        {pow.rule === 'header' ? t('pow.headerHash') : <code>{RULE_TEXT[pow.rule]}</code>}
        {pow.rule === 'tutorial-original' && ` ${t('pow.original')}`} {t('pow.startsWith', { zeros })}{' '}
        <strong className="pow-expected">{count(expected)}</strong> {t('pow.perBlock')}
      </p>
      {ids.length === 0 ? (
        <p className="muted">{t('pow.noNodes')}</p>
      ) : (
        <ul className="pow-nodes">
          {ids.map((id) => (
            <PowNodeRow key={id} id={id} pow={pow} expected={expected} />
          ))}
        </ul>
      )}
      <AttemptHistogram pow={pow} />
      <details className="pow-warmup">
        <summary>{t('pow.warmUp')}</summary>
        <WarmUp />
      </details>
    </section>
  );
}
