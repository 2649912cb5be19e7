import type { ConversationRoom } from "./rooms/conversation-room.ts";
import type { UserRoom } from "./rooms/user-room.ts";

/** Bindings of the realtime Worker (wrangler.toml); settings are parsed by @hometrip/config. */
export interface Env {
  ConversationRoom: DurableObjectNamespace<ConversationRoom>;
  UserRoom: DurableObjectNamespace<UserRoom>;
  ROOM_TOKEN_SECRET?: string;
  REALTIME_INTERNAL_TOKEN?: string;
  PRESENCE_TIMEOUT_MS?: string;
  APP_ENV?: string;
}
