import { router } from "../../trpc.ts";
import { createListingProcedure } from "./create.ts";
import { deletePhotoProcedure, reorderPhotosProcedure, setCoverPhotoProcedure } from "./photos.ts";
import { publishListingProcedure, unlistListingProcedure } from "./publication.ts";
import { quoteStayProcedure } from "./quote.ts";
import { getListingProcedure, myListingsProcedure } from "./read.ts";
import { updateListingProcedure } from "./update.ts";

/** Hosts' listings; photo bytes are uploaded over HTTP (routes/listing-photos.ts). */
export const listingsRouter = router({
  create: createListingProcedure,
  update: updateListingProcedure,
  publish: publishListingProcedure,
  unlist: unlistListingProcedure,
  get: getListingProcedure,
  mine: myListingsProcedure,
  quote: quoteStayProcedure,
  reorderPhotos: reorderPhotosProcedure,
  setCoverPhoto: setCoverPhotoProcedure,
  deletePhoto: deletePhotoProcedure,
});
