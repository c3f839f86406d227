import { describe, expect, it } from 'vitest';
import { exerciseState, PRACTICE_BACKUP_KEY, PRACTICE_KEY, readPractice, recordAttempt, updateExercise } from './progress.ts';

function memory(init: Record<string, string> = {}) {
  const m = new Map(Object.entries(init));
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
}

const attempt = (passed: boolean) => ({
  design: { exercise: 'X09', acks: '1' },
  explanation: 'because',
  passed,
  held: passed ? 2 : 1,
  total: 2,
});

describe('practice progress', () => {
  it('starts empty and records attempts; a pass stays a pass', () => {
    const s = memory();
    expect(exerciseState(readPractice(s).data, 'X09')).toBe('not-started');
    updateExercise(s, 'X09', (p) => recordAttempt(p, attempt(false)));
    expect(exerciseState(readPractice(s).data, 'X09')).toBe('attempted');
    updateExercise(s, 'X09', (p) => recordAttempt(p, attempt(true)));
    updateExercise(s, 'X09', (p) => recordAttempt(p, attempt(false)));
    const r = readPractice(s);
    expect(r.status).toBe('ok');
    expect(exerciseState(r.data, 'X09')).toBe('passed');
    expect(r.data.exercises.X09).toMatchObject({ attempts: 3, explanation: 'because', last: { passed: false } });
  });

  it('salvages what it can from a damaged value and backs the raw value up before writing', () => {
    const raw = JSON.stringify({ v: 1, exercises: { X02: { state: 'passed', attempts: 'many' }, X09: 'garbage', evil: {} } });
    const s = memory({ [PRACTICE_KEY]: raw });
    const r = readPractice(s);
    expect(r.status).toBe('recovered');
    expect(exerciseState(r.data, 'X02')).toBe('passed');
    expect(r.dropped).toEqual(expect.arrayContaining(['attempts of X02', 'X09', 'evil']));
    expect(s.m.get(PRACTICE_BACKUP_KEY)).toBe(raw);
    const u = updateExercise(s, 'X05', (p) => recordAttempt(p, attempt(false)));
    expect(u.written).toBe(true);
    expect(exerciseState(readPractice(s).data, 'X02')).toBe('passed');
  });

  it('never overwrites unreadable data it could not back up', () => {
    const m = new Map([[PRACTICE_KEY, '{not json']]);
    const s = {
      getItem: (k: string) => m.get(k) ?? null,
      setItem: (k: string, v: string) => {
        if (k === PRACTICE_BACKUP_KEY) throw new Error('quota');
        m.set(k, v);
      },
    };
    const u = updateExercise(s, 'X09', (p) => recordAttempt(p, attempt(true)));
    expect(u.written).toBe(false);
    expect(m.get(PRACTICE_KEY)).toBe('{not json');
  });

  it('survives storage that throws', () => {
    const s = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
    };
    expect(readPractice(s).status).toBe('unavailable');
    expect(updateExercise(s, 'X09', (p) => recordAttempt(p, attempt(true))).written).toBe(false);
  });
});
