export { clientScoreQueryOptions, getClientScore, useClientScore } from './api/get-client-score';
export { ContributionWaterfall } from './components/contribution-waterfall';
export { DecisionSummary } from './components/decision-summary';
export { Interpretation } from './components/interpretation';
export { ReasonsList } from './components/reasons-list';
export { ScoreGauge } from './components/score-gauge';
