/**
 * Frames the whole picture again when nodes appear or go (a topic created from the Build tab, a
 * consumer added mid-run): React Flow fits the view only when it first draws, so a new node would
 * otherwise appear off screen. Status changes do not move the camera; only the set of node ids does.
 */
import { useReactFlow } from '@xyflow/react';
import { useEffect, useRef } from 'react';

export function RefitOnNewNodes({ idsKey }: { idsKey: string }) {
  const flow = useReactFlow();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // After React Flow has measured the new nodes.
    const id = requestAnimationFrame(() => void flow.fitView({ padding: 0.15, duration: 0 }));
    return () => cancelAnimationFrame(id);
  }, [idsKey, flow]);
  return null;
}
