import type { LoadedDomain } from "../config/loaded-domain.ts";
import { serverSettingsSchema } from "../config/schema.ts";

/** The lifecycle numbers in effect: command-line flag, else environment, else the domain's settings. */
export interface LifecycleSettings {
  shutdownTimeoutMs: number;
  cleanupTimeoutMs: number;
  shutdownDelayMs: number;
  bodyLimitBytes: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
}

/** Defaults that depend on where the server runs. */
export interface EnvironmentDefaults {
  shutdownDelayMs: number;
  /** Whether /inspector is served when neither the flag nor the domain says (off in production). */
  inspector: boolean;
}

/**
 * Behind a load balancer (NODE_ENV=production) the server keeps serving 5 s after SIGTERM, so the
 * balancer sees /health fail and stops routing here before the listener closes.
 */
export const PRODUCTION_SHUTDOWN_DELAY_MS = 5_000;

export function environmentDefaults(env: NodeJS.ProcessEnv): EnvironmentDefaults {
  const production = env.NODE_ENV === "production";
  return { shutdownDelayMs: production ? PRODUCTION_SHUTDOWN_DELAY_MS : 0, inspector: !production };
}

export type SettingsOverrides = Partial<
  Pick<LifecycleSettings, "shutdownTimeoutMs" | "cleanupTimeoutMs" | "shutdownDelayMs">
>;

/** A server option (flag or environment variable) with a value the server cannot use. */
export class ServerConfigError extends Error {
  override readonly name = "ServerConfigError";
}

const ENV_OVERRIDES = {
  shutdownTimeoutMs: "SONI_SHUTDOWN_TIMEOUT_MS",
  cleanupTimeoutMs: "SONI_CLEANUP_TIMEOUT_MS",
  shutdownDelayMs: "SONI_SHUTDOWN_DELAY_MS",
} as const satisfies Record<keyof SettingsOverrides, string>;

/** Parses a non-negative whole number of milliseconds; `what` names its source in the error. */
export function parseMilliseconds(value: string, what: string): number {
  if (!/^\d+$/.test(value.trim())) {
    throw new ServerConfigError(
      `${what} must be a whole number of milliseconds (e.g. 30000), got '${value}'`,
    );
  }
  return Number(value.trim());
}

export function parsePort(value: string, what: string): number {
  const port = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!(port >= 0 && port <= 65_535)) {
    throw new ServerConfigError(
      `${what} must be a port number between 0 and 65535, got '${value}'`,
    );
  }
  return port;
}

/** Flags win over the environment; both are checked up front so a typo fails at startup. */
export function resolveOverrides(
  flags: SettingsOverrides,
  env: NodeJS.ProcessEnv,
): SettingsOverrides {
  const overrides: SettingsOverrides = {};
  for (const [key, variable] of Object.entries(ENV_OVERRIDES) as [
    keyof SettingsOverrides,
    string,
  ][]) {
    const raw = env[variable];
    const fromEnv = raw === undefined || raw === "" ? undefined : parseMilliseconds(raw, variable);
    const value = flags[key] ?? fromEnv;
    if (value !== undefined) overrides[key] = value;
  }
  return overrides;
}

export function lifecycleSettings(
  domain: LoadedDomain | null,
  overrides: SettingsOverrides,
  defaults: EnvironmentDefaults = { shutdownDelayMs: 0, inspector: true },
): LifecycleSettings {
  const server = domain?.domain.settings.server ?? serverSettingsSchema.parse({});
  return {
    shutdownTimeoutMs: overrides.shutdownTimeoutMs ?? server.shutdown_timeout_ms,
    cleanupTimeoutMs: overrides.cleanupTimeoutMs ?? server.cleanup_timeout_ms,
    shutdownDelayMs:
      overrides.shutdownDelayMs ?? server.shutdown_delay_ms ?? defaults.shutdownDelayMs,
    bodyLimitBytes: server.body_limit_bytes,
    headersTimeoutMs: server.headers_timeout_ms,
    bodyTimeoutMs: server.body_timeout_ms,
  };
}

/**
 * Each resource a runtime closes gets half the cleanup budget, so one hanging close (a pool with
 * a leaked client, a reconnecting Redis) leaves time for the others and for the log lines.
 */
export function resourceCloseTimeout(cleanupTimeoutMs: number): number {
  return Math.max(1, Math.floor(cleanupTimeoutMs / 2));
}

export interface ListenAddress {
  host: string;
  port: number;
}

export function listenAddress(
  flags: { host?: string | undefined; port?: number | undefined },
  env: NodeJS.ProcessEnv,
): ListenAddress {
  return {
    host: flags.host ?? (env.HOST || "127.0.0.1"),
    port: flags.port ?? (env.PORT ? parsePort(env.PORT, "PORT") : 8000),
  };
}
