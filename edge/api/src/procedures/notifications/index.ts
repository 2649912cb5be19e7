import { router } from "../../trpc.ts";
import { getPreferencesProcedure } from "./get-preferences.ts";
import { listProcedure } from "./list.ts";
import { markAllReadProcedure } from "./mark-all-read.ts";
import { markReadProcedure } from "./mark-read.ts";
import { subscribePushProcedure } from "./subscribe-push.ts";
import { unreadCountProcedure } from "./unread-count.ts";
import { unsubscribePushProcedure } from "./unsubscribe-push.ts";
import { updatePreferencesProcedure } from "./update-preferences.ts";
import { vapidPublicKeyProcedure } from "./vapid-public-key.ts";

/** notifications.*: the bell, the preferences page and push opt-in; a browser session only. */
export const notificationsRouter = router({
  list: listProcedure,
  unreadCount: unreadCountProcedure,
  markRead: markReadProcedure,
  markAllRead: markAllReadProcedure,
  getPreferences: getPreferencesProcedure,
  updatePreferences: updatePreferencesProcedure,
  subscribePush: subscribePushProcedure,
  unsubscribePush: unsubscribePushProcedure,
  vapidPublicKey: vapidPublicKeyProcedure,
});
