import { router } from "../../trpc.ts";
import { getPreferencesProcedure } from "./get-preferences.ts";
import { listProcedure } from "./list.ts";
import { markAllReadProcedure } from "./mark-all-read.ts";
import { markReadProcedure } from "./mark-read.ts";
import { sendPhoneCodeProcedure } from "./send-phone-code.ts";
import { subscribePushProcedure } from "./subscribe-push.ts";
import { unreadCountProcedure } from "./unread-count.ts";
import { unsubscribePushProcedure } from "./unsubscribe-push.ts";
import { updatePreferencesProcedure } from "./update-preferences.ts";
import { vapidPublicKeyProcedure } from "./vapid-public-key.ts";
import { verifyPhoneProcedure } from "./verify-phone.ts";

/** notifications.*: the bell, the preferences page, SMS number checks and push opt-in; a browser session only. */
export const notificationsRouter = router({
  list: listProcedure,
  unreadCount: unreadCountProcedure,
  markRead: markReadProcedure,
  markAllRead: markAllReadProcedure,
  getPreferences: getPreferencesProcedure,
  updatePreferences: updatePreferencesProcedure,
  sendPhoneCode: sendPhoneCodeProcedure,
  verifyPhone: verifyPhoneProcedure,
  subscribePush: subscribePushProcedure,
  unsubscribePush: unsubscribePushProcedure,
  vapidPublicKey: vapidPublicKeyProcedure,
});
