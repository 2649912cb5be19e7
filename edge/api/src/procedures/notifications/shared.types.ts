import { zNotificationPreferences } from "@hometrip/contracts";

export const ZPreferencesResponseSchema = zNotificationPreferences;
