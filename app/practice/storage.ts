/** The browser's localStorage as the practice record sees it; a blocked store reads as unavailable. */
import type { StorageLike } from '../../lessons/format/progress.ts';

const unavailable: StorageLike = {
  getItem() {
    throw new Error('storage unavailable');
  },
  setItem() {
    throw new Error('storage unavailable');
  },
};

export function practiceStorage(): StorageLike {
  try {
    return window.localStorage ?? unavailable;
  } catch {
    return unavailable;
  }
}
