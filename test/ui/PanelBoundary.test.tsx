// @vitest-environment jsdom
// A panel that fails to draw shows why and a way to try again; the panels beside it go on.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { PanelBoundary } from '../../src/ui/PanelBoundary';

let broken = true;
function Fragile() {
  if (broken) throw new Error('chain view exploded');
  return <p>drawn</p>;
}

function Sibling() {
  const [n, setN] = useState(0);
  return (
    <button type="button" onClick={() => setN(n + 1)}>
      clicked {n}
    </button>
  );
}

describe('PanelBoundary', () => {
  it('shows the failing panel’s error with E_INTERNAL, keeps its neighbours working, and can try again', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {}); // React reports the caught error
    const user = userEvent.setup();
    render(
      <>
        <PanelBoundary name="Chain">
          <Fragile />
        </PanelBoundary>
        <PanelBoundary name="Network">
          <Sibling />
        </PanelBoundary>
      </>,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('This panel could not be drawn: chain view exploded E_INTERNAL');
    expect(screen.getByRole('region', { name: 'Chain' })).toContainElement(alert);
    await user.click(screen.getByRole('button', { name: 'clicked 0' }));
    expect(screen.getByRole('button', { name: 'clicked 1' })).toBeInTheDocument();
    broken = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('drawn')).toBeInTheDocument();
    quiet.mockRestore();
  });
});
