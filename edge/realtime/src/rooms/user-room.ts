import { type TRoomEvent, zUserDelivery } from "@hometrip/contracts";
import { Room } from "./room.ts";

/**
 * `user:<uuid>`: every tab of one user. In-app notifications and unread totals arrive from the API
 * and the workers; the room has no presence or typing of its own.
 */
export class UserRoom extends Room {
  protected readonly kind = "user";

  protected parseDelivery(event: unknown): TRoomEvent | null {
    return zUserDelivery.safeParse(event).data ?? null;
  }

  protected onJoin(): void {}
  protected onLeave(): void {}
  protected onTyping(): void {}
}
