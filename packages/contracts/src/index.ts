export * from "./calendar.ts";
export * from "./dates.ts";
export * from "./enums.ts";
export { AppError, type ErrorCode, errorCodes, errorStatus, isErrorCode } from "./errors.ts";
export * from "./events/index.ts";
export * from "./input-bounds.ts";
export * from "./listings.ts";
export * from "./places.ts";
export * from "./search.ts";
