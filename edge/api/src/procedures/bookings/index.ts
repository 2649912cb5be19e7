import { router } from "../../trpc.ts";
import { acceptBookingProcedure } from "./accept.ts";
import { cancelBookingProcedure } from "./cancel.ts";
import { createBookingProcedure } from "./create.ts";
import { declineBookingProcedure } from "./decline.ts";
import { getBookingProcedure } from "./get.ts";
import { listGuestTripsProcedure } from "./list-for-guest.ts";
import { listHostReservationsProcedure } from "./list-for-host.ts";
import { previewCancellationProcedure } from "./preview-cancellation.ts";
import { quoteBookingProcedure } from "./quote.ts";
import { withdrawBookingProcedure } from "./withdraw.ts";

/** Guests book and cancel, hosts answer requests; states in core's bookings/state-machine.ts. */
export const bookingsRouter = router({
  quote: quoteBookingProcedure,
  create: createBookingProcedure,
  accept: acceptBookingProcedure,
  decline: declineBookingProcedure,
  withdraw: withdrawBookingProcedure,
  cancel: cancelBookingProcedure,
  previewCancellation: previewCancellationProcedure,
  get: getBookingProcedure,
  listForGuest: listGuestTripsProcedure,
  listForHost: listHostReservationsProcedure,
});
