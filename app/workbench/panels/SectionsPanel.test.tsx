/**
 * Server-renders the sections panel in Node: every status is an icon and a word (the model's own
 * word when it gives one), untrusted names come out as escaped text, and a model without sections
 * gets a plain empty state.
 */
import type { NodeId } from '../../../simulator/index.ts';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ViewSection } from '../view.ts';
import { createWorkbenchStore } from '../store.ts';
import { toyAdapter } from '../toy-adapter.ts';
import { ConnectedSectionsPanel, SectionsPanel } from './SectionsPanel.tsx';

const evil = '<img src=x onerror=alert(1)>';
const text = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');

const sections: ViewSection[] = [
  {
    id: 'saga:o-1',
    title: `Saga for ${evil}`,
    summary: 'compensated — charge-payment failed: card declined',
    rows: [
      {
        label: '1. create-order',
        status: 'offline',
        statusWord: 'compensated',
        detail: '1 attempt',
        nodeId: 'service:order' as NodeId,
      },
      { label: '3. charge-payment', status: 'error', statusWord: 'failed', detail: evil },
      { label: 'order service', status: 'crashed', detail: '' },
    ],
  },
  { title: 'Projections', rows: [] },
];

describe('SectionsPanel', () => {
  it('shows each status as an icon and a word, the model’s word first', () => {
    const t = text(renderToStaticMarkup(<SectionsPanel sections={sections} />));
    expect(t).toContain('1. create-order ⊘ compensated 1 attempt');
    expect(t).toContain('3. charge-payment ⚠ failed');
    expect(t).toContain('order service ✕ crashed');
    expect(t).toContain('compensated — charge-payment failed: card declined');
    expect(t).toContain('Projections Nothing yet.');
  });

  it('renders untrusted names and details as text', () => {
    const html = renderToStaticMarkup(<SectionsPanel sections={sections} />);
    expect(html).not.toContain('<img');
    expect(html.match(/&lt;img src=x onerror=alert\(1\)&gt;/g)).toHaveLength(2);
  });

  it('offers rows about a node as buttons only when the page can inspect', () => {
    expect(renderToStaticMarkup(<SectionsPanel sections={sections} />)).not.toContain('<button');
    const html = renderToStaticMarkup(<SectionsPanel sections={sections} onInspect={() => {}} />);
    expect(html.match(/<button/g)).toHaveLength(1);
  });

  it('a model without sections gets an empty state', () => {
    const store = createWorkbenchStore(toyAdapter(3), { seed: 1 });
    expect(text(renderToStaticMarkup(<ConnectedSectionsPanel store={store} title="Saga steps" />))).toContain(
      'Saga steps Nothing to show yet.',
    );
  });
});
