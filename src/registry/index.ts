// The model registry: numbered versions with their cards, and the champion pointer.
export { promote, readChampionCard, readChampionPointer, rollback } from './champion.js';
export type { ChampionEntry, ChampionPointer, PromoteOptions, Promotion } from './champion.js';
export type { CandidateSummary, DecisionPolicy, FoldSpread, MetricSummary, ModelCard } from './model-card.js';
export { MODEL_FILE, listVersions, readCard, registerVersion, versionDir, versionFile } from './registry.js';
export type { VersionFiles } from './registry.js';
export { ScoringModel, loadChampion } from './scoring-model.js';
export type { Scores } from './scoring-model.js';
export { OOF_FILE, encodeOof, readOof } from './oof-file.js';
export type { OutOfFold } from './oof-file.js';
