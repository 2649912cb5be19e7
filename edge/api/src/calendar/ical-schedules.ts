import type { IcalImportJob, IcalImportView } from "@hometrip/contracts";
import {
  icalImportView,
  listIcalImports,
  registerIcalImport,
  removeIcalFeed,
  setIcalImportSchedule,
  unregisterIcalImport,
} from "@hometrip/core";
import { Client } from "@upstash/qstash";
import type { Services } from "../services/index.ts";
import { errorFields } from "../services/logger.ts";

/** Every 30 minutes, the usual refresh of the big platforms' own iCal sync. */
export const ICAL_IMPORT_CRON = "*/30 * * * *";

export const icalScheduleId = (importId: string) => `ical-import-${importId}`;

const client = (services: Services) =>
  new Client({ baseUrl: services.config.QSTASH_URL, token: services.config.QSTASH_TOKEN });

const jobUrl = (services: Services) =>
  `${services.config.EVENTS_DESTINATION_URL.replace(/\/+$/, "")}/jobs/ical-import`;

export async function icalImportsOf(services: Services, listingId: string): Promise<IcalImportView[]> {
  return Promise.all((await listIcalImports(services.db, listingId)).map(icalImportView));
}

/**
 * Stores the feed (ical_imports, at most five per listing) and (re)creates its schedule; the
 * schedule's body carries the job, and the worker syncs only feeds that have a row. One
 * immediate run is published too, so the host sees the blocks without waiting half an hour.
 * The same URL again keeps its row and replaces its schedule (same id).
 */
export async function addIcalImport(services: Services, job: IcalImportJob): Promise<IcalImportView> {
  const { feed, created } = await registerIcalImport(services.db, job);
  const scheduleId = icalScheduleId(feed.id);
  const qstash = client(services);
  const body = JSON.stringify(job);
  const headers = { "content-type": "application/json" };
  try {
    await qstash.schedules.create({
      scheduleId,
      destination: jobUrl(services),
      cron: ICAL_IMPORT_CRON,
      body,
      headers,
    });
  } catch (error) {
    // A feed without a schedule would never sync: take the new row back and report the failure.
    if (created) await unregisterIcalImport(services.db, job.listingId, job.url);
    throw error;
  }
  const saved = await setIcalImportSchedule(services.db, feed.id, scheduleId);
  services.waitUntil(qstash.publish({ url: jobUrl(services), body, headers }));
  return icalImportView(saved);
}

/**
 * Forgets the feed with the blocks it made (freeing their dates; its listing.changed event takes
 * the post-commit step like any calendar change) and stops its schedule. If stopping the
 * schedule fails, its later runs find no row and do nothing.
 */
export async function removeIcalImport(
  services: Services,
  listingId: string,
  url: string,
): Promise<{ removed: boolean; freedBlocks: number }> {
  const { feed: removed, freedBlocks } = await removeIcalFeed(services.db, listingId, url);
  if (removed?.scheduleId) {
    await client(services)
      .schedules.delete(removed.scheduleId)
      .catch((error: unknown) =>
        services.logger.warn("ical import schedule not deleted", {
          listingId,
          scheduleId: removed.scheduleId,
          ...errorFields(error),
        }),
      );
  }
  return { removed: removed !== null, freedBlocks };
}
