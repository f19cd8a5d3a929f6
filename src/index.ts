/**
 * The public API of the `soni` package (`import { ... } from "soni"`). Anything not exported
 * here is internal and may change between versions; docs/library.md and docs/handlers.md
 * describe what is.
 */

export { DomainLoadError, type DomainProblem, type Severity } from "./config/errors.ts";
export type { LoadedDomain, SourceLocation } from "./config/loaded-domain.ts";
export { type LoadDomainOptions, loadDomain, loadDomainFromText } from "./config/loader.ts";
export type { Domain, Settings, SlotDefinition } from "./config/schema.ts";
export { type CreateUnderstandingOptions, createUnderstanding } from "./du/create.ts";
export type {
  DialogueUnderstanding,
  UnderstandingContext,
  UnderstandingResult,
} from "./du/understanding.ts";
export type { Checkpointer, StoredConversation } from "./persistence/checkpointer.ts";
export {
  type CheckpointerFactory,
  type CreateCheckpointerOptions,
  createCheckpointer,
  type PersistenceSettings,
} from "./persistence/create.ts";
export {
  CheckpointerClosedError,
  ConversationBusyError,
  LeaseLostError,
  StoreUnavailableError,
  VersionConflictError,
} from "./persistence/errors.ts";
export { MemoryCheckpointer } from "./persistence/memory.ts";
export type { Command, SlotValue } from "./protocol/commands.ts";
export { StateMigrationError } from "./protocol/state.ts";
export {
  HandlerLoadError,
  type LoadedHandlers,
  type LoadHandlersOptions,
  loadHandlers,
} from "./runtime/handler-loader.ts";
export {
  type ActionHandler,
  defineHandlers,
  type HandlerContext,
  type HandlerData,
  type HandlerSet,
  isUserFacingError,
  type Normalizer,
  UserFacingError,
  type Validator,
} from "./runtime/handlers.ts";
export {
  type CleanupReport,
  InvalidInputError,
  RuntimeClosedError,
  RuntimeLoop,
  type RuntimeLoopOptions,
  TurnConflictError,
  type TurnResult,
} from "./runtime/runtime-loop.ts";
export { buildApp, type SoniApp, type SoniAppOptions } from "./server/app.ts";
export { createServerLogger } from "./server/logger.ts";
export type { RuntimeFactory, ServerRuntime } from "./server/runtime.ts";
export { createRuntimeLoop } from "./server/runtime-loop-factory.ts";
export { type RunServerOptions, runServer } from "./server/start.ts";
