import { TestClock } from '#testing';
import { SystemClock } from './clock.js';

describe(SystemClock.name, () => {
  it('should read the wall clock', () => {
    const sut = new SystemClock();
    const before = Date.now();
    const now = sut.nowMs();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(sut.now().getTime()).toBeGreaterThanOrEqual(now);
  });
});

describe(TestClock.name, () => {
  it('should stand still until set or advanced', () => {
    const sut = new TestClock('2026-01-01T00:00:00.000Z');
    expect(sut.now().toISOString()).toBe('2026-01-01T00:00:00.000Z');
    sut.advance(90_000);
    expect(sut.now().toISOString()).toBe('2026-01-01T00:01:30.000Z');
    sut.set('2030-06-01T12:00:00.000Z');
    expect(sut.nowMs()).toBe(Date.parse('2030-06-01T12:00:00.000Z'));
  });

  it('should hand out copies, so a caller cannot move time by mutating a date', () => {
    const sut = new TestClock('2026-01-01T00:00:00.000Z');
    sut.now().setFullYear(1999);
    expect(sut.now().getUTCFullYear()).toBe(2026);
  });
});
