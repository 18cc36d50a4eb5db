export { useModelCard } from './api/model-api';
export { ModelOverview } from './components/model-overview';
