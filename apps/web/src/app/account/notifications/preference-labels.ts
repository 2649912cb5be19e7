import type { NotificationCategory, NotificationChannel } from "@hometrip/contracts";

export const categoryLabels: Record<NotificationCategory, { label: string; hint: string }> = {
  messages: { label: "Messages", hint: "New messages from hosts and guests" },
  booking_updates: { label: "Booking updates", hint: "Requests, confirmations, cancellations, reminders" },
  reviews: { label: "Reviews", hint: "Reviews of your stays and homes" },
  account_security: {
    label: "Account and security",
    hint: "Password changes and sign-ins; e-mail is always on",
  },
  tips: { label: "Tips and news", hint: "Ideas for trips and hosting" },
};

export const channelLabels: Record<NotificationChannel, string> = {
  in_app: "In app",
  email: "E-mail",
  push: "Push",
  sms: "SMS",
};
