/**
 * Server-renders every panel in Node (there is no DOM in the unit tests) to check the empty states
 * with the toy model, the words a learner must see with a Kafka-like view, and that untrusted names
 * come out as escaped text, never markup.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { NodeId } from '../../../simulator/index.ts';
import { inspectKafka, kafkaTarget } from '../../models/kafka/kafka-inspect.ts';
import type { KafkaPanelsView } from '../../models/kafka/kafka-view-types.ts';
import type { WorkbenchView } from '../view.ts';
import { createWorkbenchStore } from '../store.ts';
import { toyAdapter } from '../toy-adapter.ts';
import { ConnectedCountersBar, CountersBar } from './CountersBar.tsx';
import { ConnectedGroupsPanel, GroupsPanel } from '../../models/kafka/panels/GroupsPanel.tsx';
import { ConnectedInspector, Inspector } from './Inspector.tsx';
import { ConnectedNarration, Narration, narrationAtMs } from './Narration.tsx';
import { ConnectedPartitionStrips, PartitionStrips } from '../../models/kafka/panels/PartitionStrips.tsx';
import { ConnectedTraceLog, TraceLog } from './TraceLog.tsx';

const evil = '<img src=x onerror=alert(1)>';
const text = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');

const kafkaPanels: KafkaPanelsView = {
  partitions: [
    {
      id: 'orders-0',
      topic: 'orders',
      partition: 0,
      logStartOffset: 0,
      logEndOffset: 10_000,
      highWatermark: 9_995,
      leader: 'b1',
      isr: ['b1', 'b2'],
      cells: Array.from({ length: 12 }, (_, i) => ({ offset: 9_988 + i, key: i === 3 ? evil : `k${i}` })),
      segmentCount: 2,
      activeSegmentBase: 2,
      segmentStarts: [2],
      pointers: [
        { label: 'billing', offset: 9_990, lag: 5 },
        { label: 'audit', offset: null, lag: null },
      ],
    },
  ],
  groups: [
    {
      id: 'billing',
      phase: 'rebalancing',
      generation: 4,
      lag: 5,
      members: [
        { consumer: 'c1', node: 'consumer:c1' as NodeId, status: 'rebalancing', partitions: ['orders-0'] },
        { consumer: 'c2', node: 'consumer:c2' as NodeId, status: 'crashed', partitions: [] },
      ],
    },
  ],
};
const kafka: WorkbenchView = {
  nowMs: 1500,
  nodes: [{ id: 'consumer:c2' as NodeId, status: 'crashed', detail: '' }],
  model: kafkaPanels,
  entries: [
    { id: 1, atMs: 1500, type: 'topic-created', text: `Topic ${evil} created.`, nodes: [evil as NodeId], correlationId: 'k-1' },
  ],
  counters: [
    { label: 'produced', value: 10_000 },
    { label: 'lost', value: 0 },
  ],
};

describe('panels render', () => {
  it('render with the toy model: empty partitions and groups say so', () => {
    // Server rendering reads the store's initial state, so the run is given as commands up front.
    const store = createWorkbenchStore(toyAdapter(3), { seed: 1, commands: [{ type: 'step' }] });
    const html = renderToStaticMarkup(
      <>
        <ConnectedPartitionStrips store={store} onInspect={() => undefined} selected={null} />
        <ConnectedGroupsPanel store={store} onInspect={() => undefined} selected={null} />
        <ConnectedTraceLog store={store} />
        <ConnectedInspector store={store} target={{ kind: 'node', id: 'ticker:ticker' }} />
        <ConnectedCountersBar store={store} />
        <ConnectedNarration store={store} />
      </>,
    );
    const t = text(html);
    expect(t).toContain('No partitions in this scenario.');
    expect(t).toContain('No consumer groups in this scenario.');
    expect(t).toContain('Tick 1.');
    expect(t).toContain('ticks 1');
    expect(t).toContain('Status running');
    // The store starts with the latest entry as its announcement, so a page opened mid-run
    // (a deep link) says what just happened instead of "nothing yet".
    expect(t).toContain('Just happened · 100 ms: Tick 1.');
    expect(html).toContain('aria-live="polite"');
  });

  it('narrate the time of what happened, not the clock, and no time for words that are not an entry', () => {
    const store = createWorkbenchStore(toyAdapter(3), { seed: 1, commands: [{ type: 'step' }] });
    const s = store.getState();
    // The step ran on to 5 s with nothing new: the caption keeps the entry's own 100 ms.
    expect(narrationAtMs({ ...s, view: { ...s.view, nowMs: 5_000 } })).toBe(100);
    expect(narrationAtMs({ ...s, announcement: 'Running on past the end of the step, off script.' })).toBeUndefined();
    expect(narrationAtMs({ ...s, view: { ...s.view, entries: [] } })).toBeUndefined();
  });

  it('narrate with the virtual time, and mark a refused command in words', () => {
    expect(text(renderToStaticMarkup(<Narration announcement="Tick 1." atMs={100} />))).toContain(
      'Just happened · 100 ms: Tick 1.',
    );
    expect(text(renderToStaticMarkup(<Narration announcement="The ticker is running." refused />))).toContain(
      'Not possible: The ticker is running.',
    );
  });

  it('show markers, lag, windowing, leader and ISR in words', () => {
    const html = renderToStaticMarkup(<PartitionStrips partitions={kafkaPanels.partitions} />);
    const t = text(html);
    for (const s of [
      'HW 9,995',
      'LEO 10,000',
      'billing at 9,990 · lag 5',
      '… 9,988 earlier records',
      'audit: no committed offset yet · lag unknown',
    ]) {
      expect(t).toContain(s);
    }
    expect(t).toMatch(/leader b1 · ISR b1, b2/);
    // Each record cell is named in words; a record above the HW says it is not yet replicated.
    expect(html).toContain('aria-label="Offset 9999, key k11, not yet replicated"');
    expect(html).toContain('aria-label="Offset 9994, key k6"');
  });

  it('show group phase, generation, member status words and ownership', () => {
    const t = text(renderToStaticMarkup(<GroupsPanel groups={kafkaPanels.groups} />));
    expect(t).toContain('rebalancing — generation 4');
    expect(t).toContain('lag 5');
    expect(t).toMatch(/c2 ✕ crashed owns no partitions/);
    expect(t).toMatch(/c1 ⟳ rebalancing owns orders-0/);
  });

  it('render untrusted names as escaped text everywhere', () => {
    const html = renderToStaticMarkup(
      <>
        <PartitionStrips partitions={kafkaPanels.partitions} />
        <TraceLog entries={kafka.entries} />
        <Inspector view={kafka} target={kafkaTarget.record('orders-0', 9_991)} hooks={{ inspect: inspectKafka }} />
        <CountersBar counters={kafka.counters} />
      </>,
    );
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(text(html)).toContain('produced 10,000');
  });
});
