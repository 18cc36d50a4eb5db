export { ExperimentsOverview } from './components/experiments-overview';
