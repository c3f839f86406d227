/**
 * docs/scenario-format.md describes every model's scenario and commands: each model has a section,
 * and every top-level scenario field and every command type its zod schemas accept is named there
 * (read from the schemas, so a field added to a model without a word in the docs fails here).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { modelUis } from '../models/index.ts';

const doc = readFileSync(join(import.meta.dirname, '../../docs/scenario-format.md'), 'utf8');

function section(id: string): string {
  const start = doc.indexOf(`#### Model: ${id}\n`);
  if (start < 0) return '';
  const next = doc.indexOf('\n#### ', start + 1);
  return doc.slice(start, next < 0 ? undefined : next);
}

type Json = { properties?: Record<string, Json>; anyOf?: Json[]; oneOf?: Json[]; const?: unknown };
const json = (schema: unknown): Json => z.toJSONSchema(schema as z.ZodType, { unrepresentable: 'any', io: 'input' }) as Json;
const variants = (j: Json): Json[] =>
  [...(j.anyOf ?? []), ...(j.oneOf ?? [])].flatMap((v) => (v.anyOf || v.oneOf ? variants(v) : [v]));

describe('docs/scenario-format.md covers every model', () => {
  for (const ui of modelUis) {
    it(`${ui.model.id}: its scenario fields and command types`, () => {
      const text = section(ui.model.id);
      expect(text, `a "#### Model: ${ui.model.id}" section`).not.toBe('');
      // Kafka's fields and commands are the first part of the page, checked by simulator/kafka/scenario/docs.test.ts.
      if (ui.model.id === 'kafka') return;
      for (const field of Object.keys(json(ui.model.scenarioSchema).properties ?? {})) expect(text).toContain(`\`${field}\``);
      for (const v of variants(json(ui.model.commandSchema))) {
        const type = v.properties?.type?.const;
        if (typeof type === 'string') expect(text).toContain(`\`${type}\``);
      }
    });
  }
});
