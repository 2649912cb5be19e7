/** Time as a dependency, so tests and domain code never reach for a global `Date.now()`. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
