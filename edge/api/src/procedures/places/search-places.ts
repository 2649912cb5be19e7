import { placeSearchPerUser } from "../../rate-limit/rules.ts";
import { hostProcedure, withRateLimit } from "../../trpc.ts";
import {
  searchPlacesMeta,
  ZSearchPlacesRequestSchema,
  ZSearchPlacesResponseSchema,
} from "./search-places.types.ts";

/**
 * The location step's address search: places to fill the form from, each with its position and
 * zone. The offline gazetteer unless GEOCODER_URL names a real geocoder (services.geocoder).
 */
export const searchPlacesProcedure = hostProcedure
  .meta(searchPlacesMeta)
  .use(withRateLimit(placeSearchPerUser))
  .input(ZSearchPlacesRequestSchema)
  .output(ZSearchPlacesResponseSchema)
  .query(async ({ ctx, input }) => ({ places: await ctx.services.geocoder.search(input.query) }));
