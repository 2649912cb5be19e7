import { relations } from "drizzle-orm";
import { credentials, refreshTokens, sessionFamilies } from "./auth.ts";
import { bookings } from "./bookings.ts";
import { calendarBlocks, priceOverrides } from "./calendar.ts";
import { listingPhotos, listings } from "./listings.ts";
import { conversationParticipants, conversations, messages } from "./messaging.ts";
import { notifications } from "./notifications.ts";
import { payments, payouts, refunds } from "./payments.ts";
import { reviews } from "./reviews.ts";
import { hostProfiles, users } from "./users.ts";

// Relations feed drizzle's relational query API (`db.query.listings.findMany({ with: … })`).
export const usersRelations = relations(users, ({ one, many }) => ({
  hostProfile: one(hostProfiles, { fields: [users.id], references: [hostProfiles.userId] }),
  credentials: many(credentials),
  sessionFamilies: many(sessionFamilies),
  listings: many(listings),
  bookings: many(bookings),
  notifications: many(notifications),
}));

export const hostProfilesRelations = relations(hostProfiles, ({ one }) => ({
  user: one(users, { fields: [hostProfiles.userId], references: [users.id] }),
}));

export const credentialsRelations = relations(credentials, ({ one }) => ({
  user: one(users, { fields: [credentials.userId], references: [users.id] }),
}));

export const sessionFamiliesRelations = relations(sessionFamilies, ({ one, many }) => ({
  user: one(users, { fields: [sessionFamilies.userId], references: [users.id] }),
  refreshTokens: many(refreshTokens),
}));

export const refreshTokensRelations = relations(refreshTokens, ({ one }) => ({
  family: one(sessionFamilies, { fields: [refreshTokens.familyId], references: [sessionFamilies.id] }),
}));

export const listingsRelations = relations(listings, ({ one, many }) => ({
  host: one(users, { fields: [listings.hostId], references: [users.id] }),
  photos: many(listingPhotos),
  bookings: many(bookings),
  calendarBlocks: many(calendarBlocks),
  priceOverrides: many(priceOverrides),
  reviews: many(reviews),
}));

export const listingPhotosRelations = relations(listingPhotos, ({ one }) => ({
  listing: one(listings, { fields: [listingPhotos.listingId], references: [listings.id] }),
}));

export const calendarBlocksRelations = relations(calendarBlocks, ({ one }) => ({
  listing: one(listings, { fields: [calendarBlocks.listingId], references: [listings.id] }),
}));

export const priceOverridesRelations = relations(priceOverrides, ({ one }) => ({
  listing: one(listings, { fields: [priceOverrides.listingId], references: [listings.id] }),
}));

export const bookingsRelations = relations(bookings, ({ one, many }) => ({
  listing: one(listings, { fields: [bookings.listingId], references: [listings.id] }),
  guest: one(users, { fields: [bookings.guestId], references: [users.id] }),
  payments: many(payments),
  payouts: many(payouts),
  reviews: many(reviews),
}));

export const paymentsRelations = relations(payments, ({ one, many }) => ({
  booking: one(bookings, { fields: [payments.bookingId], references: [bookings.id] }),
  refunds: many(refunds),
}));

export const refundsRelations = relations(refunds, ({ one }) => ({
  payment: one(payments, { fields: [refunds.paymentId], references: [payments.id] }),
}));

export const payoutsRelations = relations(payouts, ({ one }) => ({
  host: one(users, { fields: [payouts.hostId], references: [users.id] }),
  booking: one(bookings, { fields: [payouts.bookingId], references: [bookings.id] }),
}));

export const conversationsRelations = relations(conversations, ({ one, many }) => ({
  listing: one(listings, { fields: [conversations.listingId], references: [listings.id] }),
  booking: one(bookings, { fields: [conversations.bookingId], references: [bookings.id] }),
  participants: many(conversationParticipants),
  messages: many(messages),
}));

export const conversationParticipantsRelations = relations(conversationParticipants, ({ one }) => ({
  conversation: one(conversations, {
    fields: [conversationParticipants.conversationId],
    references: [conversations.id],
  }),
  user: one(users, { fields: [conversationParticipants.userId], references: [users.id] }),
}));

export const messagesRelations = relations(messages, ({ one }) => ({
  conversation: one(conversations, { fields: [messages.conversationId], references: [conversations.id] }),
  sender: one(users, { fields: [messages.senderId], references: [users.id] }),
}));

export const reviewsRelations = relations(reviews, ({ one }) => ({
  booking: one(bookings, { fields: [reviews.bookingId], references: [bookings.id] }),
  listing: one(listings, { fields: [reviews.listingId], references: [listings.id] }),
  author: one(users, { fields: [reviews.authorId], references: [users.id] }),
}));

export const notificationsRelations = relations(notifications, ({ one }) => ({
  user: one(users, { fields: [notifications.userId], references: [users.id] }),
}));
