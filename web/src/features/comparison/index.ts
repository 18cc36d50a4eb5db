export { ComparisonPanel } from './components/comparison-panel';
export type { FeatureChoice } from './types';
