export {
  type HttpRoomDeliveryOptions,
  httpRoomDelivery,
  type RoomDelivery,
  RoomDeliveryError,
  recordingRoomDelivery,
} from "./room-delivery.ts";
export { type RoomTokenCheck, type SignedRoomToken, signRoomToken, verifyRoomToken } from "./room-token.ts";
