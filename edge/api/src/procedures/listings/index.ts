import { router } from "../../trpc.ts";
import { createListingProcedure } from "./create.ts";
import { deletePhotoProcedure } from "./delete-photo.ts";
import { getListingProcedure } from "./get.ts";
import { myListingsProcedure } from "./mine.ts";
import { publishListingProcedure } from "./publish.ts";
import { quoteStayProcedure } from "./quote.ts";
import { reorderPhotosProcedure } from "./reorder-photos.ts";
import { setCoverPhotoProcedure } from "./set-cover-photo.ts";
import { unlistListingProcedure } from "./unlist.ts";
import { updateListingProcedure } from "./update.ts";

/** Hosts' listings; photo bytes are uploaded over HTTP (http/listing-photos.ts). */
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
