import { useMemo, useState } from 'react';
import { shownDifficulty } from '../core/pow';
import { useText } from '../i18n/useText';
import type { HostView } from '../sim/simulation';
import { BlockList } from './BlockList';
import { createChainChecker } from './chainView';
import { useApp } from './context';
import { FailureText } from './FailureText';
import { duration } from './format';

// Apart from RealNodes.tsx so the block list (and its virtualiser) loads with the Chain view, not the first page.
/**
 * A real node's chain in the Chain panel, read-only, checked as an imported file is: at the difficulty its blocks
 * show (a Python node mines at 4 whatever this network's slider says).
 */
export function HostChain({ host }: { host: HostView }) {
  const { t } = useText();
  const params = useApp((s) => s.params);
  const [checker] = useState(createChainChecker);
  const chain = host.chain;
  const shown = chain ? shownDifficulty(params.pow.rule, chain) : null;
  const opts = useMemo(
    () => ({
      pow: { ...params.pow, difficulty: shown ?? params.pow.difficulty },
      strictness: params.strictness,
    }),
    [params, shown],
  );
  const fault = useMemo(() => (chain ? checker(chain, opts) : null), [checker, chain, opts]);
  if (!chain)
    return <p className="muted">{host.error ? <FailureText error={host.error} /> : t('hostChain.notYet')}</p>;
  return (
    <>
      <p className="muted chain-hint">
        {host.checkedAt !== null
          ? t('hostChain.servedAt', {
              count: chain.length,
              address: host.address,
              time: duration(host.checkedAt),
              difficulty: opts.pow.difficulty,
            })
          : t('hostChain.served', {
              count: chain.length,
              address: host.address,
              difficulty: opts.pow.difficulty,
            })}{' '}
        {fault ? t('hostChain.breaks', { n: fault.blockNumber }) : t('hostChain.valid')}
      </p>
      <BlockList chain={chain} firstFault={fault} opts={opts} editing={null} />
    </>
  );
}
