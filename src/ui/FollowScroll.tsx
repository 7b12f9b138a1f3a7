// A scroll box that stays at its end as content is added, the way a chat or a log does, without reading layout
// per update. Setting `scrollTop = scrollHeight` after every store flush forced a synchronous layout ten times a
// second with every node mining (issue 17); here the browser's scroll anchoring does the work (FollowScroll.css):
// only the end marker may be the anchor, so while it is in view the browser keeps it there as content grows, and
// once the reader scrolls up it is out of view, nothing is anchored and the position they read at stays put.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import './FollowScroll.css';

interface Props {
  /** The box's own look (its height, border), besides following. */
  readonly className: string;
  readonly label: string;
  /** The button that brings the reader back to the end, shown while they read further up. */
  readonly latest: string;
  readonly children: ReactNode;
}

export function FollowScroll({ className, label, latest, children }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const end = useRef<HTMLDivElement>(null);
  const [atEnd, setAtEnd] = useState(true);
  // Whether the reader has used the box (wheel, touch, keys, the scroll bar) since the end was last in view.
  // The end can also leave the view without them: browsers do not anchor a box that was never scrolled
  // (scrollTop 0), nor one whose rendering was skipped while off screen (paint.css). Then it is scrolled back to
  // the end by hand, once, and anchoring carries on from there.
  const reading = useRef(false);

  useEffect(() => {
    const el = box.current;
    const marker = end.current;
    if (!el || !marker || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      ([entry]) => {
        if (!entry) return;
        if (entry.isIntersecting) {
          reading.current = false;
          setAtEnd(true);
        } else if (!reading.current) el.scrollTop = el.scrollHeight;
        else setAtEnd(false);
      },
      { root: el },
    );
    observer.observe(marker);
    return () => observer.disconnect();
  }, []);

  const read = () => {
    reading.current = true;
  };

  const toEnd = () => {
    const el = box.current;
    if (el) el.scrollTop = el.scrollHeight;
    reading.current = false;
    setAtEnd(true);
  };

  return (
    <>
      <div
        className={`follow-scroll ${className}`}
        ref={box}
        onWheel={read}
        onTouchStart={read}
        onKeyDown={read}
        onPointerDown={read}
        tabIndex={0}
        role="group"
        aria-label={label}
      >
        {children}
        <div className="follow-scroll-end" ref={end} />
      </div>
      {!atEnd && (
        <button type="button" className="link follow-scroll-latest" onClick={toEnd}>
          ↓ {latest}
        </button>
      )}
    </>
  );
}
