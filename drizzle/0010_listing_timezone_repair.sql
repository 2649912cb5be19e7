-- A listing's time zone was once any string (issue 8 §4): a row holding one no runtime knows made
-- "today in the listing's zone" throw, so quotes, availability and calendar writes answered 500
-- for everyone. Writes now take only IANA names (contracts' zTimeZone); this resets every stored
-- zone that is not shaped like one or that Postgres's own zone database does not know to UTC, the
-- zone a new listing starts in, for the host to correct.
UPDATE "listings" SET "timezone" = 'UTC'
WHERE "timezone" !~ '^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$'
  OR "timezone" NOT IN (SELECT "name" FROM pg_timezone_names);
