/**
 * The one source of "now" for services, repositories and jobs. Injected (the abstract class
 * is the token), so a test can replace it with a clock it sets and advances instead of
 * sleeping or faking timers.
 */
export abstract class Clock {
  abstract now(): Date;

  nowMs(): number {
    return this.now().getTime();
  }
}

/** The wall clock. */
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }

  override nowMs(): number {
    return Date.now();
  }
}
