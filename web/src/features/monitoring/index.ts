export { DriftOverview } from './components/drift-overview';
