/**
 * The presenter view's wire: the projector window (the lesson or playground the room sees) and
 * the presenter window (notes, clock, controls on the teacher's screen) talk over one
 * BroadcastChannel named after a session id. Same-origin only, no server, works offline.
 *
 * The projector owns the simulation and is the one source of truth: it publishes `state` whenever
 * the part, the cursor or play changes; the presenter only sends `command`s and draws what the
 * projector last said. A presenter opened late says `hello` and the projector answers with its
 * state. Messages are plain data and checked on arrival (another tab of this origin could post
 * anything on the channel).
 */

export type PresenterAction =
  'next-part' | 'prev-part' | 'toggle-play' | 'step-forward' | 'step-back' | 'to-start' | 'to-end' | 'seek';

export const presenterActions: readonly PresenterAction[] = [
  'next-part',
  'prev-part',
  'toggle-play',
  'step-forward',
  'step-back',
  'to-start',
  'to-end',
  'seek',
];

/** Where the projector is: a lesson part, or a playground moment. */
export type ProjectorPlace =
  | {
      kind: 'lesson';
      lessonId: string;
      lessonTitle: string;
      partIndex: number;
      partCount: number;
      partId: string;
      partTitle: string;
      /** The next part's title, or null on the last part. */
      nextTitle: string | null;
    }
  | { kind: 'playground'; title: string };

export interface ProjectorState {
  place: ProjectorPlace;
  /** The projector's slider: its position and range (a lesson step's own, else the whole run). */
  cursor: number;
  first: number;
  last: number;
  /**
   * Trace entries written since `first`: what Step and Back move by, one per press (a position
   * on the slider can hold no new entry, such as a step's closing advance of the clock).
   */
  entry: number;
  /** Entries in the whole range, when known (a lesson step; the playground at its end). */
  entries: number | null;
  playing: boolean;
  /** True when there is nothing earlier to step back to. */
  atStart: boolean;
  /** True when there is nothing further to step to. */
  atEnd: boolean;
  /** The transport is bounded to a lesson step (not off script, not a challenge). */
  inStep: boolean;
  /** At a lesson step's end, Play replays the step. */
  stepDone: boolean;
  /** Why the forward controls are held (the step's prediction is not answered yet), or null. */
  lock: string | null;
  nowMs: number;
  /** What just happened (the narration line). */
  announcement: string;
}

export type PresenterMessage =
  | { t: 'state'; state: ProjectorState }
  | { t: 'command'; action: PresenterAction; value?: number }
  | { t: 'hello' }
  | { t: 'bye' };

const channelPrefix = 'eda-lab:presenter:';

/** A fresh session id: random, so two classrooms' windows on one machine never cross. */
export function newSessionId(): string {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function isSessionId(id: unknown): id is string {
  return typeof id === 'string' && /^[0-9a-f]{12}$/.test(id);
}

/** Narrows an incoming message; anything else is ignored. */
export function readMessage(data: unknown): PresenterMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  switch (m.t) {
    case 'hello':
    case 'bye':
      return { t: m.t };
    case 'command': {
      if (!presenterActions.includes(m.action as PresenterAction)) return null;
      const value = typeof m.value === 'number' && Number.isFinite(m.value) ? m.value : undefined;
      return value === undefined
        ? { t: 'command', action: m.action as PresenterAction }
        : { t: 'command', action: m.action as PresenterAction, value };
    }
    case 'state': {
      const s = m.state as ProjectorState | undefined;
      if (typeof s !== 'object' || s === null || typeof s.place !== 'object') return null;
      if (![s.cursor, s.first, s.last, s.entry].every((n) => typeof n === 'number')) return null;
      return { t: 'state', state: s };
    }
    default:
      return null;
  }
}

export interface PresenterLink {
  post(message: PresenterMessage): void;
  close(): void;
}

/** Opens the session's channel; `onMessage` gets checked messages only. */
export function openPresenterLink(sessionId: string, onMessage: (m: PresenterMessage) => void): PresenterLink {
  if (typeof BroadcastChannel === 'undefined') return { post: () => undefined, close: () => undefined };
  const channel = new BroadcastChannel(channelPrefix + sessionId);
  channel.onmessage = (e: MessageEvent) => {
    const m = readMessage(e.data);
    if (m) onMessage(m);
  };
  return { post: (m) => channel.postMessage(m), close: () => channel.close() };
}

/**
 * The key → action table the presenter view adds. A clicker's PageDown/PageUp moves between the
 * lesson's parts (in the playground, where there are no parts, it steps); arrows and Space drive
 * the simulation as the workbench's own shortcuts do.
 */
export function presenterKeyAction(key: string, inLesson: boolean): PresenterAction | undefined {
  switch (key) {
    case 'PageDown':
      return inLesson ? 'next-part' : 'step-forward';
    case 'PageUp':
      return inLesson ? 'prev-part' : 'step-back';
    case 'ArrowRight':
    case '.':
      return 'step-forward';
    case 'ArrowLeft':
      return 'step-back';
    case ' ':
      return 'toggle-play';
    case 'Home':
      return 'to-start';
    case 'End':
      return 'to-end';
    default:
      return undefined;
  }
}
