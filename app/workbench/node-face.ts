/**
 * What a topology node shows that changes while a simulation runs: its status word, its detail
 * line and the names of its actions. Each node card subscribes to its own face, so a view update
 * re-renders only the cards whose face changed — the React Flow node list itself stays the same
 * object from one view to the next and React Flow does no work for it.
 *
 * A face is worked out once per view (not once per animation frame: the play clock changes every
 * frame, the view ten times a second) and an unchanged face keeps its identity, which is what lets
 * `useSyncExternalStore` skip the card.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { NodeChip, NodeStatus, WorkbenchView } from './view.ts';
import type { WorkbenchState, WorkbenchStore } from './store.ts';

export interface NodeFace {
  status: NodeStatus;
  /** The model's word for the status, when it has its own (absent: the status's word). */
  statusWord?: string;
  detail: string;
  /** What the node holds, as chips (absent: none drawn). */
  chips?: readonly NodeChip[];
  /** The card's own line when it differs from `detail` (the chips say the rest). */
  cardDetail?: string;
  /** Labels of the actions the learner can take on the node now. */
  actions: readonly string[];
}

export interface NodeFaces {
  face(nodeId: string): NodeFace;
  /** Calls back when the view changed (not on every tick of the play clock). */
  subscribe(onChange: () => void): () => void;
  /** Runs the action with this label, as the model offers it at this moment. */
  run(nodeId: string, label: string): void;
}

const idle: NodeFace = { status: 'ok', detail: '', actions: [] };

const sameFace = (a: NodeFace, b: NodeFace): boolean =>
  a.status === b.status &&
  a.statusWord === b.statusWord &&
  a.detail === b.detail &&
  a.cardDetail === b.cardDetail &&
  (a.chips?.length ?? 0) === (b.chips?.length ?? 0) &&
  (a.chips ?? []).every((c, i) => c.label === b.chips![i]!.label && c.state === b.chips![i]!.state) &&
  a.actions.length === b.actions.length &&
  a.actions.every((x, i) => x === b.actions[i]);

/** Node faces read from a workbench store. */
export function nodeFacesOf<C>(store: WorkbenchStore<C>): NodeFaces {
  let view: WorkbenchView | undefined;
  let faces = new Map<string, NodeFace>();
  let fresh = new Map<string, NodeFace>();
  const statusOf = (s: WorkbenchState<C>, id: string) => s.view.nodes.find((n) => n.id === id);
  return {
    face(id) {
      const s = store.getState();
      if (s.view !== view) {
        view = s.view;
        faces = fresh;
        fresh = new Map();
      }
      const known = fresh.get(id);
      if (known) return known;
      const st = statusOf(s, id);
      const next: NodeFace = {
        status: st?.status ?? 'ok',
        detail: st?.detail ?? '',
        ...(st?.statusWord !== undefined ? { statusWord: st.statusWord } : {}),
        ...(st?.chips ? { chips: st.chips } : {}),
        ...(st?.cardDetail !== undefined ? { cardDetail: st.cardDetail } : {}),
        actions: s.actionsFor(id).map((a) => a.label),
      };
      const before = faces.get(id) ?? idle;
      const face = sameFace(before, next) ? before : next;
      fresh.set(id, face);
      return face;
    },
    subscribe(onChange) {
      return store.subscribe((s, prev) => {
        if (s.view !== prev.view) onChange();
      });
    },
    run(id, label) {
      const s = store.getState();
      const action = s.actionsFor(id).find((a) => a.label === label);
      if (action) s.dispatch(action.command);
    },
  };
}

export const NodeFacesContext = createContext<NodeFaces | null>(null);

const noFaces: NodeFaces = { face: () => idle, subscribe: () => () => undefined, run: () => undefined };

/** The face of one node, re-rendering the caller only when that face changes. */
export function useNodeFace(nodeId: string): NodeFace & { run(label: string): void } {
  const faces = useContext(NodeFacesContext) ?? noFaces;
  const face = useSyncExternalStore(faces.subscribe, () => faces.face(nodeId));
  return { ...face, run: (label) => faces.run(nodeId, label) };
}
