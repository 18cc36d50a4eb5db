export { clientInfoQueryOptions, getClientInfo, useClientInfo } from './api/get-client-info';
export { searchClients, useSearchClients } from './api/search-clients';
export { ClientInfoCard } from './components/client-info-card';
export { ClientSearch } from './components/client-search';
export type { ClientField, ClientInfo, ClientSummary } from './types';
