import type { MessageCatalog } from "./catalog.ts";
import { en } from "./en.ts";
import { es } from "./es.ts";

const CATALOGS: Readonly<Record<string, MessageCatalog>> = { en, es };

/** The built-in wording for `settings.language`; English for a language without a catalog. */
export function messageCatalog(language: string): MessageCatalog {
  return Object.hasOwn(CATALOGS, language) ? CATALOGS[language]! : en;
}
