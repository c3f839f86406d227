import { describe, expect, it } from 'vitest';
import { isSessionId, newSessionId, presenterKeyAction, readMessage } from './channel.ts';

describe('presenter channel', () => {
  it('accepts well-formed messages and ignores anything else', () => {
    expect(readMessage({ t: 'hello' })).toEqual({ t: 'hello' });
    expect(readMessage({ t: 'command', action: 'next-part' })).toEqual({ t: 'command', action: 'next-part' });
    expect(readMessage({ t: 'command', action: 'seek', value: 4 })).toEqual({ t: 'command', action: 'seek', value: 4 });
    expect(readMessage({ t: 'command', action: 'seek', value: Number.NaN })).toEqual({ t: 'command', action: 'seek' });
    expect(readMessage({ t: 'command', action: 'format-disk' })).toBeNull();
    expect(readMessage({ t: 'state', state: null })).toBeNull();
    expect(readMessage('hello')).toBeNull();
    expect(readMessage(null)).toBeNull();
  });

  it('makes session ids it recognises, and rejects others', () => {
    const id = newSessionId();
    expect(isSessionId(id)).toBe(true);
    expect(isSessionId('../../x')).toBe(false);
    expect(isSessionId(undefined)).toBe(false);
  });

  it('a clicker moves between parts in a lesson and steps in the playground', () => {
    expect(presenterKeyAction('PageDown', true)).toBe('next-part');
    expect(presenterKeyAction('PageUp', true)).toBe('prev-part');
    expect(presenterKeyAction('PageDown', false)).toBe('step-forward');
    expect(presenterKeyAction('ArrowLeft', true)).toBe('step-back');
    expect(presenterKeyAction(' ', true)).toBe('toggle-play');
    expect(presenterKeyAction('x', true)).toBeUndefined();
  });
});
