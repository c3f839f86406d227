/**
 * The workbench head's "Reduce motion" switch. With it on, records stop flying and the nodes a
 * step changed light up briefly instead. When the OS already asks for reduced motion the switch
 * shows that and stays on, since the OS setting wins.
 */
import { useSyncExternalStore } from 'react';
import { isMotionReduced, osPrefersReducedMotion, setMotionReduced, watchMotion } from './motion.ts';

export function MotionToggle() {
  const reduced = useSyncExternalStore(watchMotion, isMotionReduced, () => false);
  const fromOs = useSyncExternalStore(watchMotion, osPrefersReducedMotion, () => false);
  return (
    <button
      type="button"
      aria-pressed={reduced}
      disabled={fromOs}
      onClick={() => setMotionReduced(!reduced)}
      title={fromOs ? 'Your system asks for reduced motion' : 'Highlight changes instead of animating records in flight'}
    >
      Reduce motion
    </button>
  );
}
