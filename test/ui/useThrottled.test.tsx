// @vitest-environment jsdom
// A throttled copy moves on at most once per interval while throttled, at once when not — also under React's
// StrictMode (the development build), which unmounts and mounts again and once left the copy stuck.
import { act, render, screen } from '@testing-library/react';
import { StrictMode, type ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useThrottled } from '../../src/ui/useThrottled';

function Show({ v, throttle = true }: { v: number; throttle?: boolean }) {
  return <p>{useThrottled(v, 100, throttle)}</p>;
}

afterEach(() => vi.useRealTimers());

describe('useThrottled', () => {
  it.each([
    ['plain', (el: ReactElement) => el],
    ['StrictMode', (el: ReactElement) => <StrictMode>{el}</StrictMode>],
  ])('%s: follows at most once per interval, to the latest value', (_, wrap) => {
    vi.useFakeTimers();
    const { rerender } = render(wrap(<Show v={1} />));
    rerender(wrap(<Show v={2} />));
    expect(screen.getByRole('paragraph')).toHaveTextContent('1');
    act(() => void vi.advanceTimersByTime(100));
    rerender(wrap(<Show v={3} />));
    act(() => void vi.advanceTimersByTime(100));
    expect(screen.getByRole('paragraph')).toHaveTextContent('3');
    rerender(wrap(<Show v={4} throttle={false} />));
    expect(screen.getByRole('paragraph')).toHaveTextContent('4');
  });
});
