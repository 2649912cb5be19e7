/**
 * Other names people type for the places the product knows: local and English names, short forms.
 * Each group is one place; a listing whose city or region is any name of a group is found by all
 * of them. Names with diacritics are also found without (added where the names are used).
 */
export const placeAliasGroups: readonly (readonly string[])[] = [
  ["Lisbon", "Lisboa", "Lisbonne", "Lissabon"],
  ["Porto", "Oporto"],
  ["Barcelona", "Barna"],
  ["Catalonia", "Catalunya", "Cataluña", "Catalogne"],
  ["Kyoto", "Kyōto", "京都"],
  ["Kyoto Prefecture", "Kyoto-fu", "Kyōto-fu"],
  ["Cape Town", "Kaapstad", "iKapa"],
  ["Western Cape", "Wes-Kaap"],
  ["Mexico City", "Ciudad de México", "CDMX"],
  ["New York", "New York City", "NYC", "NY"],
  ["Paris", "Paname"],
  ["British Columbia", "BC"],
  ["Tokyo", "Tōkyō", "東京"],
  ["Gràcia", "Gracia"],
  ["Nakagyō", "Nakagyo-ku"],
];

/**
 * Country names besides the English one (which comes from Intl.DisplayNames): the local name and
 * common short forms, for the countries the product has homes in and a few more people abbreviate.
 */
export const countryAliases: Readonly<Record<string, readonly string[]>> = {
  PT: ["Portugal"],
  ES: ["España", "Espanya", "Spain"],
  JP: ["Nihon", "Nippon", "日本"],
  ZA: ["Suid-Afrika", "RSA"],
  MX: ["México", "Estados Unidos Mexicanos"],
  CA: ["Canada"],
  US: ["USA", "America", "United States of America"],
  FR: ["France"],
  GB: ["UK", "Britain", "Great Britain", "England", "Scotland", "Wales"],
  DE: ["Deutschland"],
  IT: ["Italia"],
  NL: ["Nederland", "Holland"],
  AE: ["UAE"],
};
