import type { Clock, IdGenerator } from '../../bot/ports/clock.ts';

/** A clock that returns a fixed (settable) time. */
export class FixedClock implements Clock {
  constructor(private current: Date = new Date('2026-11-22T10:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(milliseconds: number): void {
    this.current = new Date(this.current.getTime() + milliseconds);
  }
}

/** Ids `prefix-1`, `prefix-2`, … */
export class SequentialIds implements IdGenerator {
  private counter = 0;
  next(prefix: string): string {
    this.counter += 1;
    return `${prefix}-${this.counter}`;
  }
}
