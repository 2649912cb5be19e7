import { AppError } from "@hometrip/contracts";
import { LockedPreferenceError, updateNotificationPreferences } from "@hometrip/core";
import { sessionProcedure } from "../../trpc.ts";
import {
  updatePreferencesMeta,
  ZUpdatePreferencesRequestSchema,
  ZUpdatePreferencesResponseSchema,
} from "./update-preferences.types.ts";

export const updatePreferencesProcedure = sessionProcedure
  .meta(updatePreferencesMeta)
  .input(ZUpdatePreferencesRequestSchema)
  .output(ZUpdatePreferencesResponseSchema)
  .mutation(async ({ ctx, input }) => {
    try {
      return await ctx.services.db.transaction((tx) =>
        updateNotificationPreferences(tx, ctx.actor.userId, input),
      );
    } catch (error) {
      if (error instanceof LockedPreferenceError) throw new AppError("BAD_REQUEST", error.message);
      throw error;
    }
  });
