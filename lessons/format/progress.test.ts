/**
 * Progress storage: whatever is in storage, reading never throws, never loses a readable entry,
 * and backs up what it cannot read before anything overwrites it. Fuzzed with fast-check.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PROGRESS_BACKUP_KEY,
  PROGRESS_BACKUP_PREVIOUS_KEY,
  PROGRESS_KEY,
  lessonProgress,
  parseProgress,
  readProgress,
  updateLessonProgress,
  writeProgress,
  type LessonProgress,
  type StorageLike,
} from './progress.ts';

class MemoryStorage implements StorageLike {
  readonly data = new Map<string, string>();
  constructor(initial: Record<string, string> = {}) {
    for (const [k, v] of Object.entries(initial)) this.data.set(k, v);
  }
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.data.set(key, value);
  }
}

const entry = (over: Partial<LessonProgress> = {}): LessonProgress => ({
  stepIndex: 2,
  stepId: 'deposit',
  completed: false,
  predictAnswer: null,
  ...over,
});

const validEntry = fc.record({
  stepIndex: fc.integer({ min: 0, max: 10_000 }),
  stepId: fc.option(fc.string({ minLength: 1, maxLength: 30 }), { nil: null }),
  completed: fc.boolean(),
  predictAnswer: fc.option(fc.string({ minLength: 1, maxLength: 10 }), { nil: null }),
});
const lessonId = fc.integer({ min: 1, max: 24 }).map((n) => `L${String(n).padStart(2, '0')}`);

describe('progress: round trip', () => {
  it('reads back what it wrote', () => {
    const s = new MemoryStorage();
    expect(readProgress(s).report.status).toBe('empty');
    const r = updateLessonProgress(s, 'l13', { stepIndex: 3, stepId: 'overdraw', predictAnswer: 'b' });
    expect(r.written).toBe(true);
    const back = readProgress(s);
    expect(back.report.status).toBe('ok');
    expect(lessonProgress(back.progress, 'L13')).toEqual({
      stepIndex: 3,
      stepId: 'overdraw',
      completed: false,
      predictAnswer: 'b',
    });
    expect(s.data.has(PROGRESS_BACKUP_KEY)).toBe(false);
  });

  it('migrates the unversioned v0 shape without loss', () => {
    const raw = JSON.stringify({ L13: entry(), L20: entry({ completed: true }) });
    const r = parseProgress(raw);
    expect(r.report).toMatchObject({ status: 'migrated', fromVersion: 0, dropped: [] });
    expect(r.progress.lessons).toEqual({ L13: entry(), L20: entry({ completed: true }) });
  });
});

describe('progress: corrupted values', () => {
  it('broken JSON: starts empty, keeps a backup of the raw value, and the next write is allowed', () => {
    const s = new MemoryStorage({ [PROGRESS_KEY]: '{"v":1,"lessons":{"L13":{"stepIn' });
    const r = readProgress(s);
    expect(r.report.status).toBe('unreadable');
    expect(r.report.backupKey).toBe(PROGRESS_BACKUP_KEY);
    expect(s.getItem(PROGRESS_BACKUP_KEY)).toBe('{"v":1,"lessons":{"L13":{"stepIn');
    expect(updateLessonProgress(s, 'L15', { stepIndex: 1 }).written).toBe(true);
    expect(s.getItem(PROGRESS_BACKUP_KEY)).toBe('{"v":1,"lessons":{"L13":{"stepIn');
  });

  it('salvages good entries and good fields next to bad ones, and says what it dropped', () => {
    const raw = JSON.stringify({
      v: 1,
      lessons: {
        L13: entry({ completed: true }),
        L15: { stepIndex: -4, stepId: 'as-of', completed: 'yes' },
        L20: 'garbage',
        nonsense: entry(),
      },
      extra: 1,
    });
    const r = parseProgress(raw);
    expect(r.report.status).toBe('recovered');
    expect(r.progress.lessons.L13).toEqual(entry({ completed: true }));
    expect(r.progress.lessons.L15).toEqual({ stepIndex: 0, stepId: 'as-of', completed: false, predictAnswer: null });
    expect(r.progress.lessons.L20).toBeUndefined();
    expect(r.report.recovered).toEqual(['L13', 'L15']);
    expect(r.report.dropped).toEqual(
      expect.arrayContaining(['stepIndex of L15', 'completed of L15', 'L20', 'nonsense', 'extra']),
    );
  });

  it('a value from a newer app is backed up and what this version understands is kept', () => {
    const raw = JSON.stringify({ v: 7, lessons: { L13: { ...entry(), badge: 'gold' } } });
    const s = new MemoryStorage({ [PROGRESS_KEY]: raw });
    const r = readProgress(s);
    expect(r.report.status).toBe('recovered');
    expect(r.progress.lessons.L13).toEqual(entry());
    expect(s.getItem(PROGRESS_BACKUP_KEY)).toBe(raw);
  });

  it('a second recovery keeps the first backup one generation back', () => {
    const s = new MemoryStorage({ [PROGRESS_KEY]: 'first' });
    readProgress(s);
    s.setItem(PROGRESS_KEY, 'second');
    readProgress(s);
    expect(s.getItem(PROGRESS_BACKUP_KEY)).toBe('second');
    expect(s.getItem(PROGRESS_BACKUP_PREVIOUS_KEY)).toBe('first');
  });

  it('never overwrites a damaged value whose backup could not be written', () => {
    const raw = JSON.stringify({ v: 1, lessons: { L13: entry(), L15: 'x' } });
    const s = new MemoryStorage({ [PROGRESS_KEY]: raw });
    s.setItem = (key, value) => {
      if (key !== PROGRESS_KEY) throw new Error('QuotaExceededError');
      s.data.set(key, value);
    };
    const r = updateLessonProgress(s, 'L13', { completed: true });
    expect(r.written).toBe(false);
    expect(s.getItem(PROGRESS_KEY)).toBe(raw);
    expect(r.progress.lessons.L13).toEqual(entry());
  });

  it('storage that throws on every call is reported as unavailable, not thrown', () => {
    const s: StorageLike = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(readProgress(s).report.status).toBe('unavailable');
    expect(updateLessonProgress(s, 'L13', { stepIndex: 1 }).written).toBe(false);
    expect(writeProgress(s, { v: 1, lessons: {} })).toBe(false);
  });
});

describe('progress: fuzz', () => {
  it('any string in storage: reading and updating never throw, and the result is always valid', () => {
    fc.assert(
      fc.property(fc.string(), lessonId, (raw, id) => {
        const s = new MemoryStorage({ [PROGRESS_KEY]: raw });
        const r = readProgress(s);
        expect(['empty', 'ok', 'migrated', 'recovered', 'unreadable']).toContain(r.report.status);
        const u = updateLessonProgress(s, id, { stepIndex: 1 });
        expect(u.written).toBe(true);
        expect(readProgress(s).report.status).toBe('ok');
        if (r.report.dropped.length > 0) expect(s.getItem(PROGRESS_BACKUP_KEY)).toBe(raw);
      }),
      { numRuns: 300 },
    );
  });

  it('any JSON value in storage (including deep and odd shapes) never throws', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const raw = JSON.stringify(value) ?? 'null';
        const r = parseProgress(raw);
        expect(r.progress.v).toBe(1);
        for (const e of Object.values(r.progress.lessons)) expect(Number.isInteger(e.stepIndex)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('a valid entry mixed with garbage entries and garbage fields is salvaged exactly', () => {
    fc.assert(
      fc.property(
        lessonId,
        validEntry,
        fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }),
        fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
        (id, good, garbageLessons, garbageTop) => {
          const lessons: Record<string, unknown> = { ...garbageLessons };
          delete lessons[id];
          lessons[id] = good;
          const top: Record<string, unknown> = { ...garbageTop, v: 1, lessons };
          const s = new MemoryStorage({ [PROGRESS_KEY]: JSON.stringify(top) });
          const r = readProgress(s);
          expect(r.progress.lessons[id]).toEqual(good);
          expect(r.report.recovered).toContain(id);
          if (r.report.dropped.length > 0) expect(s.getItem(PROGRESS_BACKUP_KEY)).toBe(JSON.stringify(top));
        },
      ),
      { numRuns: 300 },
    );
  });
});
