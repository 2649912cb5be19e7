import type { BookingStatus as BookingLifecycleStatus } from "@hometrip/contracts";

export type BookingParty = "guest" | "host";

export interface BookingNotice {
  to: BookingParty;
  type: string;
  title: string;
  paragraphs: string[];
  actionLabel: string;
}

export interface BookingNoticeFacts {
  from: BookingLifecycleStatus | null;
  to: BookingLifecycleStatus;
  listingTitle: string;
  guestName: string;
  checkIn: string;
  checkOut: string;
  /** Already formatted for people, e.g. "€1,240.00". */
  total: string;
}

/**
 * Who hears about a booking moving to a status, and what they read. The one who acted is not
 * told what they just did (the host who accepts, the guest who withdraws); an instant booking
 * (confirmed straight after payment) tells the host, who did not see a request first.
 */
export function bookingNotices(f: BookingNoticeFacts): BookingNotice[] {
  const stay = `${f.listingTitle}, ${f.checkIn} to ${f.checkOut}`;
  const notice = (to: BookingParty, type: string, title: string, ...paragraphs: string[]): BookingNotice => ({
    to,
    type,
    title,
    paragraphs,
    actionLabel: to === "host" ? "Open the booking" : "View your trip",
  });
  switch (f.to) {
    case "requested":
      return [
        notice(
          "host",
          "booking.requested",
          `New booking request from ${f.guestName}`,
          `${stay} (${f.total}).`,
          "Accept or decline within 24 hours, or the request expires.",
        ),
      ];
    case "confirmed":
      return [
        notice("guest", "booking.confirmed", "Your booking is confirmed", `${stay}. Total ${f.total}.`),
        ...(f.from === "requested"
          ? []
          : [
              notice("host", "booking.confirmed", `New booking from ${f.guestName}`, `${stay} (${f.total}).`),
            ]),
      ];
    case "declined":
      return [
        notice(
          "guest",
          "booking.declined",
          "Your booking request was declined",
          `${stay}. You have not been charged.`,
        ),
      ];
    case "expired":
      return [
        notice(
          "guest",
          "booking.expired",
          "Your booking request expired",
          `The host did not answer in time: ${stay}. You have not been charged.`,
        ),
        notice(
          "host",
          "booking.expired",
          `The request from ${f.guestName} expired`,
          `${stay}. It expired without an answer.`,
        ),
      ];
    case "withdrawn":
      return [notice("host", "booking.withdrawn", `${f.guestName} withdrew their request`, `${stay}.`)];
    case "cancelled_by_guest":
      return [
        notice(
          "host",
          "booking.cancelled",
          `${f.guestName} cancelled their booking`,
          `${stay}. The nights are open again.`,
        ),
      ];
    case "cancelled_by_host":
      return [
        notice(
          "guest",
          "booking.cancelled",
          "Your host cancelled your booking",
          `${stay}. You will be refunded in full.`,
        ),
      ];
    default:
      return [];
  }
}

export function checkInReminder(f: {
  listingTitle: string;
  checkIn: string;
  to: BookingParty;
  guestName: string;
}): BookingNotice {
  return f.to === "guest"
    ? {
        to: "guest",
        type: "booking.check_in_reminder",
        title: `Your stay at ${f.listingTitle} starts soon`,
        paragraphs: [`Check-in is on ${f.checkIn}. Message your host if you have questions about arriving.`],
        actionLabel: "View your trip",
      }
    : {
        to: "host",
        type: "booking.check_in_reminder",
        title: `${f.guestName} arrives on ${f.checkIn}`,
        paragraphs: [`${f.guestName} checks in at ${f.listingTitle} on ${f.checkIn}.`],
        actionLabel: "Open the booking",
      };
}
