// A chain's height and tip hash as a node card and a real node's card both show them: "height **4** · tip
// 000a1b…" (the full hash on hover).
import { Trans } from 'react-i18next';
import { hashBlock } from '../core/block';
import type { Block } from '../core/types';
import { useText } from '../i18n/useText';
import { shortHash } from './format';

export function HeightAndTip({ height, tip }: { height: number; tip: Block }) {
  const { t } = useText();
  const hash = hashBlock(tip);
  return (
    <>
      <span>
        <Trans i18nKey="realNodes.height" t={t} values={{ height }} components={{ b: <strong /> }} />
      </span>{' '}
      <span className="mono" title={hash}>
        {t('realNodes.tip', { hash: shortHash(hash) })}
      </span>
    </>
  );
}
