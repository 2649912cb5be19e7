import { router } from "../../trpc.ts";
import { searchPlacesProcedure } from "./search-places.ts";

/** Places hosts can put a listing at. */
export const placesRouter = router({
  search: searchPlacesProcedure,
});
