export { DecisionLetter, effectiveDecision } from './components/decision-letter';
