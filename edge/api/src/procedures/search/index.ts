import { router } from "../../trpc.ts";
import { searchListingsProcedure } from "./listings.ts";

/** search.*: public reads, cacheable by browsers and CDNs. */
export const searchRouter = router({
  listings: searchListingsProcedure,
});
