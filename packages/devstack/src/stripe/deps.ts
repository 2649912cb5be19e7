import type { Emit } from "./events.ts";
import type { StripeState } from "./state.ts";

export interface Deps {
  state: StripeState;
  emit: Emit;
  /** Where the stand-in's browser pages live (authentication, onboarding, dashboard). */
  baseUrl(): string;
}
