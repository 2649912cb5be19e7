export {
  type BookingNotice,
  type BookingNoticeFacts,
  type BookingParty,
  bookingNotices,
  checkInReminder,
} from "./booking-notices.ts";
export {
  claimDigestBatch,
  claimNextDueDelivery,
  deferDeliveries,
  lastReadSeq,
  markDeliveries,
  maxDeliveryAttempts,
  recordReadCursor,
  skipReadMessageDeliveries,
} from "./deliveries.ts";
export { listNotifications, markNotificationsRead, unreadNotificationCount } from "./inbox.ts";
export {
  type NotifyInput,
  type NotifyResult,
  notify,
  type OutboundChannel,
  outboundChannels,
  smsNumber,
} from "./notify.ts";
export {
  issuePhoneCode,
  maxPhoneCodeAttempts,
  phoneAwaitingVerification,
  phoneCodeTtlMs,
  requestPhoneVerification,
  verifyPhoneCode,
} from "./phone-verification.ts";
export {
  defaultSwitches,
  getNotificationPreferences,
  LockedPreferenceError,
  unsubscribeEmail,
  updateNotificationPreferences,
} from "./preferences.ts";
export {
  dropPushSubscription,
  maxPushSubscriptionsPerUser,
  pushSubscriptionsOf,
  removePushSubscription,
  savePushSubscription,
  TooManyPushSubscriptionsError,
} from "./push-subscriptions.ts";
export { afterQuietHours, inQuietHours, localMinuteOfDay } from "./quiet-hours.ts";
export { readUnsubscribeToken, unsubscribeToken } from "./unsubscribe-token.ts";
