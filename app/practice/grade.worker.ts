/**
 * The grader's Web Worker: grading runs the design through dozens of simulated runs, which would
 * freeze the page for up to a second or two; here it runs off the main thread. It receives a design
 * (already validated by the page, validated again here) and answers with the verdict and its links.
 */
import '../zod-without-eval.ts';
import { gradeDesign, parseDesign } from '../../simulator/index.ts';
import { withLinks } from './verdict-links.ts';
import type { GradeReply, GradeRequest } from './grade-client.ts';

self.onmessage = (e: MessageEvent<GradeRequest>) => {
  const { id, design } = e.data;
  let reply: GradeReply;
  try {
    const d = parseDesign(design);
    reply = d.ok ? { id, ok: true, verdict: withLinks(gradeDesign(d.value)) } : { id, ok: false, message: d.error.message };
  } catch (err) {
    reply = { id, ok: false, message: `The grader stopped unexpectedly (${err instanceof Error ? err.message : String(err)}).` };
  }
  (self as unknown as Worker).postMessage(reply);
};
