import { Clock } from '../../../apps/api/src/common/clock.js';

/** A clock a test sets and moves: deadlines and expiry are proven without sleeping. */
export class TestClock extends Clock {
  private current: number;

  constructor(start: Date | string = '2026-12-02T12:00:00.000Z') {
    super();
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(date: Date | string): this {
    this.current = new Date(date).getTime();
    return this;
  }

  advance(ms: number): this {
    this.current += ms;
    return this;
  }
}

export const DAY_MS = 86_400_000;
