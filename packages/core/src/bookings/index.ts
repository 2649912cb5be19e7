export { bookingOfGuest, bookingOfHost, bookingOfParty } from "./access.ts";
export {
  type BookingWithListing,
  bookingNotFound,
  findBooking,
  lockBooking,
  toBookingView,
  transitionBooking,
} from "./booking-record.ts";
export {
  type CancellingParty,
  cancelBooking,
  partyOf,
  previewCancellation,
  refundFor,
} from "./cancel-booking.ts";
export { computeRefund, type Refund, type RefundableBooking, type StayPlace } from "./cancellation-policy.ts";
export { type CreatedBooking, createBooking, datesJustTaken, payoutsEnabled } from "./create-booking.ts";
export { acceptBookingRequest, declineBookingRequest, withdrawBookingRequest } from "./host-actions.ts";
export {
  checkOutInstant,
  completeBooking,
  dueBookings,
  expireBooking,
  type LifecycleOutcome,
  recordPaymentAuthorized,
  recordPaymentFailed,
  type SweepResult,
  sweepBookings,
} from "./lifecycle.ts";
export { listGuestTrips, listHostReservations } from "./queries.ts";
export { quoteBooking } from "./quote-booking.ts";
export { type QuoteClaims, signQuote, verifyQuote } from "./quote-token.ts";
export {
  assertTransition,
  BookingTransitionError,
  bookingTransitions,
  canTransition,
  finalStatuses,
  occupyingStatuses,
} from "./state-machine.ts";
export { zonedInstant } from "./zoned-time.ts";
