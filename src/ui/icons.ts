// Glyphs that every machine can draw: emoji fonts are missing on many school and Linux machines (and in
// headless Chromium), where ⛏ or 🔗 show as empty boxes. Each of these is in DejaVu Sans (Debian's default).
export const ICON = {
  play: '▶',
  pause: '❚❚',
  step: '⇥',
  back: '⇤',
  mine: '⚒',
  idle: '○',
  resolve: '⚖',
  auto: '↻',
  stop: '■',
  add: '+',
  link: '↔',
  cut: '✂',
  heal: '⇄',
  move: '⇄',
  ok: '✓',
  bad: '✗',
  warn: '⚠',
  settings: '⚙',
  presenter: 'Aa',
} as const;
