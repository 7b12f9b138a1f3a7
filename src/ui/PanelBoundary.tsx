// One panel that fails to draw must not blank the page: it shows what went wrong and a way to try again, and
// every other panel (and the clock) goes on.
import { Component, type ReactNode } from 'react';
import { ICON } from './icons';

interface Props {
  readonly name: string;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
}

export class PanelBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section className="panel" aria-label={this.props.name}>
        <h2>{this.props.name}</h2>
        <p className="message error" role="alert">
          {ICON.warn} This panel could not be drawn: {error.message} <code>E_INTERNAL</code>
        </p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </section>
    );
  }
}
