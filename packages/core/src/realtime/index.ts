export { deliverCommittedToRooms } from "./deliver-committed.ts";
export { type RoomDeliveryPlan, roomDeliveriesFor, roomNotificationOf } from "./room-deliveries.ts";
export {
  type HttpRoomDeliveryOptions,
  httpRoomDelivery,
  type RoomDelivery,
  RoomDeliveryError,
  recordingRoomDelivery,
} from "./room-delivery.ts";
export { type RoomTokenCheck, type SignedRoomToken, signRoomToken, verifyRoomToken } from "./room-token.ts";
export { type UnreadCounts, unreadCounts } from "./unread-counts.ts";
