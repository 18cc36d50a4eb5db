import type { Lang } from '../../types/api';

/** One field of GET /api/clients/:id: a readable label and the value as a person reads it. */
export interface ClientField {
  readonly name: string;
  readonly origin: string;
  readonly label: string;
  readonly description: string;
  readonly value: number | null;
  readonly formatted: string;
  readonly actionable: boolean;
  readonly sensitive: boolean;
}

export interface ClientInfo {
  readonly clientId: number;
  readonly set: 'train' | 'test';
  readonly target: 0 | 1 | null;
  readonly lang: Lang;
  readonly fields: readonly ClientField[];
}

/** One row of GET /api/clients (search). */
export interface ClientSummary {
  readonly clientId: number;
  readonly set: 'train' | 'test';
  readonly gender: string | null;
  readonly age: number | null;
  readonly contractType: string | null;
  readonly income: number | null;
  readonly credit: number | null;
  readonly familyStatus: string | null;
  readonly education: string | null;
}

export interface SearchResult {
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  readonly items: readonly ClientSummary[];
}
