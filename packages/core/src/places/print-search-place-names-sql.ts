/** bun run --cwd packages/core places:sql — prints the search_place_names function for a migration. */
import { searchPlaceNamesSql } from "./search-place-names-sql.ts";

console.log(`${searchPlaceNamesSql()};`);
