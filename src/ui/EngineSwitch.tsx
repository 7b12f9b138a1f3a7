// A node's "Mine on GPU" switch and the engine it mines on (issue 17 "A WebGPU miner"). Disabled, with the
// reason beside it, while the browser offers no usable adapter (a software one is refused: the CPU beats it).
import { useSyncExternalStore } from 'react';
import { useText } from '../i18n/useText';
import type { EngineChoice, GpuState } from '../worker/engineChoice';

type Text = ReturnType<typeof useText>['t'];

function reasonOf(gpu: GpuState, t: Text): string | null {
  switch (gpu.status) {
    case 'ready':
      return null;
    case 'checking':
      return t('pow.gpuChecking');
    case 'none':
      if (gpu.code === 'no-webgpu') return t('pow.gpuNoWebgpu');
      return gpu.code === 'software-only' ? t('pow.gpuSoftwareOnly') : t('pow.gpuNoAdapter');
  }
}

export function EngineSwitch({ id, engines }: { id: string; engines: EngineChoice }) {
  const { t } = useText();
  const snap = useSyncExternalStore(engines.subscribe, engines.snapshot);
  const ready = snap.gpu.status === 'ready';
  const on = ready && snap.onGpu.has(id);
  const reason = reasonOf(snap.gpu, t);
  const reasonId = `pow-gpu-reason-${id}`;
  const adapter =
    snap.gpu.status === 'ready'
      ? t('pow.gpuAdapter', { vendor: snap.gpu.adapter.vendor, architecture: snap.gpu.adapter.architecture })
      : undefined;
  return (
    <div className="pow-engine">
      <button
        type="button"
        className="pow-gpu-switch"
        aria-pressed={on}
        disabled={!ready}
        title={adapter ?? reason ?? undefined}
        {...(reason ? { 'aria-describedby': reasonId } : {})}
        onClick={() => engines.setEngine(id, on ? 'cpu' : 'gpu')}
      >
        {t('pow.gpuSwitch')}
      </button>{' '}
      <span className="pow-engine-name">{on ? t('pow.onGpu') : t('pow.onCpu')}</span>
      {reason && (
        <>
          {' '}
          <span id={reasonId} className="muted">
            {reason}
          </span>
        </>
      )}
    </div>
  );
}
