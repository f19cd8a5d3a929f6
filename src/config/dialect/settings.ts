import { isPlainObject, type PlainObject, put } from "../plain-object.ts";
import type { DialectReport, Path, PathRemap } from "./report.ts";

const LOG_LEVELS: Readonly<Record<string, string>> = {
  WARNING: "warn",
  WARN: "warn",
  CRITICAL: "fatal",
};

/** Keys the original accepts under settings that this version has no use for. */
const IGNORED_SETTINGS: Readonly<Record<string, string>> = {
  patterns: "configure conversation patterns under the top-level 'patterns:'",
  collection: "slot collection needs no settings here",
};
const IGNORED_PERSISTENCE = ["cleanup_interval"];
/** The original's graph-tracing switch: here every turn's log line lists the steps it ran. */
const IGNORED_LOGGING = ["trace_graphs"];

/**
 * Rewrites one `settings` mapping of the original dialect in place: `models.nlu` and `llm`
 * become `du`, the rephrasing switches become `rephrase`, upper-case log levels lower-case,
 * and keys the original ignores are dropped. Each change is reported naming the modern key.
 */
export function normalizeSettings(
  settings: PlainObject,
  at: Path,
  report: DialectReport,
  remap: PathRemap,
): void {
  const du = (): PlainObject => {
    if (!isPlainObject(settings.du)) put(settings, "du", {});
    return settings.du as PlainObject;
  };
  const takeModel = (source: PlainObject, sourcePath: Path, label: string) => {
    for (const [key, value] of Object.entries(source)) {
      const path = [...sourcePath, key];
      if (key === "model" || key === "temperature" || key === "base_url") {
        if (!Object.hasOwn(du(), key)) put(du(), key, value);
        remap.record([...at, "du", key], path);
        report.warn(
          path,
          "dialect.settings_model",
          `'${label}.${key}' is written 'settings.du.${key}'`,
          true,
        );
      } else if (key === "api_base") {
        if (!Object.hasOwn(du(), "base_url")) put(du(), "base_url", value);
        remap.record([...at, "du", "base_url"], path);
        report.warn(
          path,
          "dialect.settings_model",
          `'${label}.api_base' is written 'settings.du.base_url'`,
          true,
        );
      } else if (key === "api_key_env") {
        if (!Object.hasOwn(du(), key)) put(du(), key, value);
        report.warn(
          path,
          "dialect.settings_model",
          `'${label}.api_key_env' is written 'settings.du.api_key_env'`,
          true,
        );
      } else {
        const why =
          key === "provider"
            ? "any OpenAI-compatible endpoint is used; set settings.du.base_url for one other than OpenAI"
            : "this version has no such option";
        report.warn(path, "dialect.ignored_key", `'${label}.${key}' is ignored: ${why}`, true);
      }
    }
  };

  if (isPlainObject(settings.models)) {
    const models = settings.models;
    for (const [name, model] of Object.entries(models)) {
      const path = [...at, "models", name];
      if (name === "nlu" && isPlainObject(model)) takeModel(model, path, "settings.models.nlu");
      else
        report.warn(
          path,
          "dialect.ignored_key",
          `'settings.models.${name}' is ignored: only the understanding model is configured, under settings.du`,
          true,
        );
    }
    delete settings.models;
  }
  if (isPlainObject(settings.llm)) {
    takeModel(settings.llm, [...at, "llm"], "settings.llm");
    delete settings.llm;
  }

  const rephrase = (): PlainObject => {
    if (!isPlainObject(settings.rephrase)) put(settings, "rephrase", {});
    return settings.rephrase as PlainObject;
  };
  if (Object.hasOwn(settings, "rephrase_responses")) {
    put(rephrase(), "enabled", settings.rephrase_responses);
    remap.record([...at, "rephrase", "enabled"], [...at, "rephrase_responses"]);
    report.warn(
      [...at, "rephrase_responses"],
      "dialect.rephrase",
      "'rephrase_responses' is written 'settings.rephrase.enabled'",
      true,
    );
    delete settings.rephrase_responses;
  }
  if (Object.hasOwn(settings, "rephrase_tone")) {
    put(rephrase(), "tone", settings.rephrase_tone);
    remap.record([...at, "rephrase", "tone"], [...at, "rephrase_tone"]);
    report.warn(
      [...at, "rephrase_tone"],
      "dialect.rephrase",
      "'rephrase_tone' is written 'settings.rephrase.tone'",
      true,
    );
    delete settings.rephrase_tone;
  }

  if (isPlainObject(settings.logging) && typeof settings.logging.level === "string") {
    const level = settings.logging.level;
    const modern = LOG_LEVELS[level.toUpperCase()] ?? level.toLowerCase();
    if (modern !== level) {
      settings.logging.level = modern;
      report.warn(
        [...at, "logging", "level"],
        "dialect.logging_level",
        `log level '${level}' is written '${modern}'`,
      );
    }
  }

  if (isPlainObject(settings.logging)) {
    for (const key of IGNORED_LOGGING) {
      if (!Object.hasOwn(settings.logging, key)) continue;
      report.warn(
        [...at, "logging", key],
        "dialect.ignored_key",
        `'settings.logging.${key}' is ignored: each turn's log line lists the steps it ran`,
        true,
      );
      delete settings.logging[key];
    }
  }

  if (isPlainObject(settings.persistence)) {
    for (const key of IGNORED_PERSISTENCE) {
      if (!Object.hasOwn(settings.persistence, key)) continue;
      report.warn(
        [...at, "persistence", key],
        "dialect.ignored_key",
        `'settings.persistence.${key}' is ignored: stores expire conversations with idle_ttl_seconds / ttl_seconds`,
        true,
      );
      delete settings.persistence[key];
    }
  }
  for (const [key, why] of Object.entries(IGNORED_SETTINGS)) {
    if (!Object.hasOwn(settings, key)) continue;
    report.warn([...at, key], "dialect.ignored_key", `'settings.${key}' is ignored: ${why}`, true);
    delete settings[key];
  }
}
