// One panel that fails to draw must not blank the page: it shows what went wrong and a way to try again, and
// every other panel (and the clock) goes on.
import { Component, type ReactNode } from 'react';
import { useText } from '../i18n/useText';
import { ICON } from './icons';

interface Props {
  readonly name: string;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
}

/** The failure and the retry button; a function component so that it reads the current language. */
function PanelError({ name, error, onRetry }: { name: string; error: Error; onRetry: () => void }) {
  const { t } = useText();
  return (
    <section className="panel" aria-label={name}>
      <h2>{name}</h2>
      <p className="message error" role="alert">
        {ICON.warn} {t('panel.failed', { reason: error.message })} <code>E_INTERNAL</code>
      </p>
      <button type="button" onClick={onRetry}>
        {t('panel.retry')}
      </button>
    </section>
  );
}

export class PanelBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return <PanelError name={this.props.name} error={error} onRetry={() => this.setState({ error: null })} />;
  }
}
