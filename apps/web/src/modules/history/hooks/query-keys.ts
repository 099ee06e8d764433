import type { HistoryQuery } from '../types';

export const historyKeys = {
  all: ['history'] as const,
  list: (query: HistoryQuery) => ['history', 'list', query] as const,
};
