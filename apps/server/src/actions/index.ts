// The update actions: safe container recreate (docker trigger) and compose file rewrite + redeploy
// (compose trigger). Plain classes; the server wires them into Nest and the trigger engine.
export type { ActionLogger } from './common/action-logger';
export { silentActionLogger } from './common/action-logger';
export { ContainerUpdater, PARKED_SUFFIX } from './recreate/container-updater';
export type { ContainerUpdaterOptions } from './recreate/container-updater';
export type {
  RecoveryReport,
  UpdateErrorCode,
  UpdateReport,
  UpdateRequest,
  UpdateStepReport,
} from './recreate/update-report';
export { InMemoryUpdateJournal, UPDATE_STEPS } from './recreate/update-journal';
export type {
  JournalData,
  JournalEntry,
  JournalEntryStart,
  JournalStep,
  JournalStepRecord,
  UpdateJournal,
  UpdateOutcome,
  UpdateStepName,
} from './recreate/update-journal';
export { FileUpdateJournal } from './recreate/file-update-journal';
export { UPDATE_LABELS, readUpdateLabels } from './recreate/update-labels';
export type { HealthProbe, UpdateLabelSettings } from './recreate/update-labels';
export { buildRecreatePlan, describeChanges } from './recreate/container-spec';
export type { ConfigChange, RecreatePlan } from './recreate/container-spec';
export { ComposeFileUpdater, commitMessage } from './compose/compose-file-updater';
export type { ComposeFileUpdaterOptions, ComposeRewrite } from './compose/compose-file-updater';
export { ComposeUpdater } from './compose/compose-updater';
export type {
  ComposeServiceResult,
  ComposeUpdateItem,
  ComposeUpdateReport,
  ComposeUpdateRequest,
} from './compose/compose-updater';
export { ComposeEditError, planComposeEdit } from './compose/compose-image-edit';
export type {
  ComposeEditPlan,
  ComposeImageChange,
  ComposeImageEdit,
} from './compose/compose-image-edit';
export { COMPOSE_LABELS, locateComposeService } from './compose/compose-locator';
export type { ComposeServiceLocation } from './compose/compose-locator';
export type { GitCommitResult, GitOptions } from './compose/compose-git';
