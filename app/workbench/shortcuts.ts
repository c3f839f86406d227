/**
 * Keyboard shortcuts for the transport, as a pure key → action table so it can be tested and
 * listed in the help dialog. Presentation clickers send PageUp/PageDown (and "." for "blank
 * screen"), so those step too.
 */

export type ShortcutAction = 'toggle-play' | 'step-forward' | 'step-back' | 'to-start' | 'to-end' | 'faster' | 'slower' | 'help';

export const shortcutList: ReadonlyArray<{ keys: string; action: ShortcutAction; description: string }> = [
  { keys: 'Space', action: 'toggle-play', description: 'Play or pause' },
  { keys: '→  PageDown  .', action: 'step-forward', description: 'Step forward one entry' },
  { keys: '←  PageUp', action: 'step-back', description: 'Step back one entry' },
  { keys: 'Home', action: 'to-start', description: 'Go to the start' },
  { keys: 'End', action: 'to-end', description: 'Run to the end' },
  { keys: '+', action: 'faster', description: 'Double the speed' },
  { keys: '−', action: 'slower', description: 'Halve the speed' },
  { keys: '?', action: 'help', description: 'Show these shortcuts' },
];

const byKey: Record<string, ShortcutAction> = {
  ' ': 'toggle-play',
  ArrowRight: 'step-forward',
  PageDown: 'step-forward',
  '.': 'step-forward',
  ArrowLeft: 'step-back',
  PageUp: 'step-back',
  Home: 'to-start',
  End: 'to-end',
  '+': 'faster',
  '=': 'faster',
  '-': 'slower',
  _: 'slower',
  '?': 'help',
};

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** The focused element's tag and type, to leave typing and native controls alone. */
  targetTag?: string;
  targetType?: string;
  targetEditable?: boolean;
}

/** The action for a key press, or undefined when the key is not ours to take. */
export function shortcutFor(e: KeyLike): ShortcutAction | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  const tag = (e.targetTag ?? '').toLowerCase();
  if (e.targetEditable || tag === 'textarea' || tag === 'select') return undefined;
  if (tag === 'input') {
    // Sliders own their arrow keys and Home/End; text fields own every key.
    if (e.targetType !== 'range') return undefined;
    if (['ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown'].includes(e.key)) return undefined;
  }
  // A focused button takes Space itself (it clicks the button).
  if (e.key === ' ' && (tag === 'button' || tag === 'summary' || tag === 'a')) return undefined;
  return byKey[e.key];
}
