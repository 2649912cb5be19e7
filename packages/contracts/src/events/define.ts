import type { z } from "zod";

/**
 * One event type's contract. `version` is the payload shape producers write today; a consumer
 * rejects any other version, so an incompatible change bumps it and ships the consumer first.
 */
export interface EventDefinition<V extends number = number, P extends z.ZodType = z.ZodType> {
  readonly version: V;
  readonly payload: P;
  readonly description: string;
}

export function defineEvent<const V extends number, P extends z.ZodType>(definition: {
  version: V;
  payload: P;
  description: string;
}): EventDefinition<V, P> {
  return definition;
}
