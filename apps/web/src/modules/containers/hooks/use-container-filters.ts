import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  type ContainerFilters,
  DEFAULT_FILTERS,
  defaultDirection,
  filtersToParams,
  parseFilters,
  type SortKey,
} from '../utils/filters';

/** The containers page's filters, read from and written to the URL (replacing, not pushing, history). */
export function useContainerFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(params), [params]);
  const setFilters = useCallback(
    (patch: Partial<ContainerFilters>) =>
      setParams((current) => filtersToParams({ ...parseFilters(current), ...patch }), {
        replace: true,
      }),
    [setParams],
  );
  const clearFilters = useCallback(
    () =>
      setParams(
        (current) => {
          const { group, sort, dir } = parseFilters(current);
          return filtersToParams({ ...DEFAULT_FILTERS, group, sort, dir });
        },
        { replace: true },
      ),
    [setParams],
  );
  /** Click on a column: same column flips the direction, another starts in its natural one. */
  const toggleSort = useCallback(
    (sort: SortKey) =>
      setParams(
        (current) => {
          const previous = parseFilters(current);
          const dir =
            previous.sort === sort
              ? previous.dir === 'asc'
                ? 'desc'
                : 'asc'
              : defaultDirection(sort);
          return filtersToParams({ ...previous, sort, dir });
        },
        { replace: true },
      ),
    [setParams],
  );
  return { filters, setFilters, clearFilters, toggleSort };
}
