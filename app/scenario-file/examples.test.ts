/**
 * Every playground file in docs/examples/playground/ opens, and every model has one: the files the
 * format page points to are always valid and always show something happening.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelUis } from '../models/index.ts';
import { openScenarioFile } from './open-file.ts';

const dir = join(import.meta.dirname, '../../docs/examples/playground');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('docs/examples/playground', () => {
  it('has an example for every model', () => {
    const models = files.map((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { model: string }).model);
    for (const ui of modelUis) expect(models, ui.model.id).toContain(ui.model.id);
  });

  it.each(files)('%s opens, at a moment where something has happened', (file) => {
    const opened = openScenarioFile(readFileSync(join(dir, file), 'utf8'));
    if (!opened.ok) throw new Error(opened.error.message);
    const st = opened.value.store.getState();
    expect(st.cursor).toBeGreaterThan(0);
    expect(st.view.entries.length).toBeGreaterThan(0);
  });
});
