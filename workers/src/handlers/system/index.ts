import type { EventHandlers } from "../types.ts";
import { handleSystemPinged } from "./pinged.ts";

export const systemHandlers = {
  "system.pinged": handleSystemPinged,
} satisfies Partial<EventHandlers>;
