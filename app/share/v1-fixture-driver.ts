/**
 * Opens a recorded v1 share link the way the playground opens any link (app/models/open-link.ts)
 * and reads the moment on screen, for the v1 fixture test. The fixtures were recorded from the
 * playground as it was before links named their model; this file only reads them now.
 */
import { openLink } from '../models/open-link.ts';
import { brokerNodes } from '../models/kafka/kafka-view.ts';
import type { KafkaState } from '../../simulator/index.ts';

export interface V1Fixture {
  what: string;
  link: string;
  expected?: unknown;
}

export type V1Moment =
  | { ok: false; message: string }
  | {
      ok: true;
      cursor: number;
      commands: number;
      nowMs: number;
      traceLength: number;
      sentences: string[];
      statuses: string[];
    };

/** Opens a v1 link as the playground does and reads the moment on screen. */
export function openV1Moment(link: string): V1Moment {
  const session = openLink(link);
  if (!session.ok) return { ok: false, message: session.error.message };
  const s = session.value.store.getState();
  // The fixtures were recorded when every Kafka picture listed its brokers first; brokers are now
  // drawn only where a topic is replicated, so they are read from the same state as before.
  const shown = new Set(s.view.nodes.map((n) => n.id as string));
  const brokers = brokerNodes(s.peekState() as KafkaState).filter((b) => !shown.has(b.id));
  return {
    ok: true,
    cursor: s.cursor,
    commands: s.length,
    nowMs: s.view.nowMs,
    traceLength: s.view.entries.at(-1)?.id ?? -1,
    sentences: s.view.entries.map((h) => h.text),
    statuses: [...brokers, ...s.view.nodes].map((n) => `${n.id}=${n.status}:${n.detail}`),
  };
}
