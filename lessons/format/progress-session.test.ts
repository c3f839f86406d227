/**
 * Issue #12, case 7: saved progress and storage trouble.
 *
 * - a byte order mark before valid JSON is read as the JSON after it;
 * - with storage full, the notice no longer says "set aside" when nothing was copied, and later
 *   progress is kept in memory for the session (and said to be) instead of refused silently;
 * - when storage throws, the learner is told, and progress still works for the session.
 */
import { describe, expect, it } from 'vitest';
import { PROGRESS_BACKUP_KEY, PROGRESS_KEY, parseProgress, readProgress, type StorageLike } from './progress.ts';
import { createProgressSession, progressNotice } from './progress-session.ts';

/** Storage with a byte quota over all values, failing like the Web Storage API when full. */
class QuotaStorage implements StorageLike {
  readonly data = new Map<string, string>();
  constructor(
    public quotaChars: number,
    initial: Record<string, string> = {},
  ) {
    for (const [k, v] of Object.entries(initial)) this.data.set(k, v);
  }
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    let used = value.length;
    for (const [k, v] of this.data) if (k !== key) used += v.length;
    if (used > this.quotaChars) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.data.set(key, value);
  }
}

const throwing: StorageLike = {
  getItem() {
    throw new Error('SecurityError: access denied');
  },
  setItem() {
    throw new Error('SecurityError: access denied');
  },
};

const saved = JSON.stringify({ v: 1, lessons: { L13: { stepIndex: 3, stepId: 'x', completed: false, predictAnswer: null } } });

describe('a byte order mark before valid JSON', () => {
  it('is read as the JSON after it: status ok, nothing dropped, no backup made', () => {
    const r = parseProgress(`\ufeff${saved}`);
    expect(r.report.status).toBe('ok');
    expect(r.progress.lessons.L13?.stepIndex).toBe(3);
    const s = new QuotaStorage(1e6, { [PROGRESS_KEY]: `\ufeff${saved}` });
    expect(readProgress(s).report).toMatchObject({ status: 'ok', dropped: [], backupKey: null });
    expect(s.data.has(PROGRESS_BACKUP_KEY)).toBe(false);
    expect(progressNotice(readProgress(s).report)).toBeNull();
  });
});

describe('storage full', () => {
  it('keeps progress for the session and says so when a write does not fit', () => {
    const s = new QuotaStorage(saved.length + 10, { [PROGRESS_KEY]: saved });
    const session = createProgressSession(s);
    const r = session.update('L15', { stepIndex: 4, stepId: 'y' });
    expect(r.written).toBe(false);
    expect(r.report.sessionOnly).toBe(true);
    expect(r.progress.lessons.L15?.stepIndex).toBe(4);
    expect(r.progress.lessons.L13?.stepIndex).toBe(3);
    // Later progress is not refused either, and reads see it.
    session.update('L15', { stepIndex: 5 });
    expect(session.read().progress.lessons.L15?.stepIndex).toBe(5);
    expect(progressNotice(session.read().report)).toMatch(/could not be saved: this browser's storage is full or blocked/);
    // Storage itself is untouched.
    expect(s.data.get(PROGRESS_KEY)).toBe(saved);
  });

  it('writes the session back once there is room again, and the notice goes', () => {
    const s = new QuotaStorage(saved.length + 10, { [PROGRESS_KEY]: saved });
    const session = createProgressSession(s);
    session.update('L15', { stepIndex: 4 });
    s.quotaChars = 1e6;
    const r = session.update('L20', { stepIndex: 1 });
    expect(r.written).toBe(true);
    expect(Object.keys(readProgress(s).progress.lessons).sort()).toEqual(['L13', 'L15', 'L20']);
    expect(session.read().report.sessionOnly).toBeUndefined();
    expect(progressNotice(session.read().report)).toBeNull();
  });

  it('never claims a backup that was not written', () => {
    const damaged = JSON.stringify({ v: 1, lessons: { L13: { stepIndex: 3 }, L99: 'junk', Lx: 1 } });
    const s = new QuotaStorage(damaged.length + 5, { [PROGRESS_KEY]: damaged });
    const session = createProgressSession(s);
    const read = session.read();
    expect(read.report.status).toBe('recovered');
    expect(read.report.backupKey).toBeNull();
    const notice = progressNotice(read.report)!;
    expect(notice).not.toMatch(/set aside|a copy is kept/);
    expect(notice).toMatch(/no room to copy it aside, so it is left untouched/);
    // The damaged value is the only copy: it is not overwritten, the session keeps the step.
    const r = session.update('L13', { stepIndex: 4 });
    expect(r.written).toBe(false);
    expect(r.progress.lessons.L13?.stepIndex).toBe(4);
    expect(s.data.get(PROGRESS_KEY)).toBe(damaged);
  });

  it('names the backup when it was written', () => {
    const damaged = JSON.stringify({ v: 1, lessons: { L13: { stepIndex: 3 }, Lx: 1 } });
    const s = new QuotaStorage(1e6, { [PROGRESS_KEY]: damaged });
    const notice = progressNotice(createProgressSession(s).read().report)!;
    expect(notice).toContain(`a copy is kept in this browser under “${PROGRESS_BACKUP_KEY}”`);
    expect(s.data.get(PROGRESS_BACKUP_KEY)).toBe(damaged);
  });
});

describe('storage that throws or is missing', () => {
  it.each([
    ['throws', throwing],
    ['is missing', undefined],
  ])('when storage %s: a notice, and progress kept for the session', (_, storage) => {
    const session = createProgressSession(storage);
    expect(progressNotice(session.read().report)).toMatch(/does not let the page save progress/);
    session.update('L06', { stepIndex: 2 });
    const r = session.update('L06', { completed: true });
    expect(r.progress.lessons.L06).toMatchObject({ stepIndex: 2, completed: true });
    expect(session.read().progress.lessons.L06?.stepIndex).toBe(2);
    expect(progressNotice(session.read().report)).toMatch(/kept for this session only/);
  });
});
