export { type CalendarActor, findListing, isOverlapViolation, listingManagedBy } from "./access.ts";
export { AVAILABILITY_DAYS, listingAvailability } from "./availability.ts";
export { blockDates, unblockDates } from "./blocks.ts";
export { listingIcalFeed } from "./ical-export.ts";
export { escapeIcalText, foldIcalLine, type IcalExportEvent, renderIcalFeed } from "./ical-format.ts";
export {
  findIcalImport,
  icalImportView,
  listIcalImports,
  MAX_ICAL_IMPORTS_PER_LISTING,
  recordIcalImportFailure,
  registerIcalImport,
  removeIcalFeed,
  setIcalImportSchedule,
  unregisterIcalImport,
} from "./ical-imports.ts";
export {
  ICAL_IMPORT_HORIZON_DAYS,
  type IcalImportedEvent,
  IcalParseError,
  type IcalReadOptions,
  parseIcalEvents,
} from "./ical-parse.ts";
export { blockOrigin, type IcalFeedsByKey, icalFeedHost, icalFeedsByKey } from "./ical-sources.ts";
export { type IcalSyncResult, icalFeedKey, icalNotePrefix, syncIcalFeedBlocks } from "./ical-sync.ts";
export { icalFeedToken, icalTokenMatches } from "./ical-token.ts";
export {
  clearPriceOverride,
  clearPriceOverrides,
  MAX_PRICE_OVERRIDE_NIGHTS,
  setPriceOverride,
  setPriceOverrides,
} from "./prices.ts";
export { listingCalendar, MAX_CALENDAR_DAYS } from "./range.ts";
