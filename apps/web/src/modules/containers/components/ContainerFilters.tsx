import { useId } from 'react';
import { Button } from '../../../ui/Button';
import {
  type ContainerFilters as Filters,
  type ErrorFilter,
  type GroupBy,
  SORT_KEYS,
  type SortKey,
  type UpdateFilter,
} from '../utils/filters';

export type ContainerFiltersProps = {
  filters: Filters;
  options: { hosts: string[]; registries: string[]; statuses: string[] };
  activeCount: number;
  onChange: (patch: Partial<Filters>) => void;
  onClear: () => void;
};

const UPDATE_LABELS: Record<UpdateFilter, string> = {
  any: 'Any',
  available: 'Has an update',
  major: 'Major',
  minor: 'Minor',
  patch: 'Patch',
  prerelease: 'Pre-release',
  digest: 'Digest',
  none: 'Up to date',
};

const SORT_LABELS: Record<SortKey, string> = {
  name: 'Name',
  host: 'Host',
  image: 'Image',
  status: 'Status',
  update: 'Update size',
  checked: 'Last checked',
};

/** Search, filters, grouping and sorting of the containers table; every control is labelled. */
export function ContainerFilters({
  filters,
  options,
  activeCount,
  onChange,
  onClear,
}: ContainerFiltersProps) {
  const id = useId().replace(/:/g, '');
  return (
    <div className="filters" role="search" aria-label="Filter containers">
      <div className="filters__search">
        <label htmlFor={`${id}-q`} className="visually-hidden">
          Search containers
        </label>
        <input
          id={`${id}-q`}
          type="search"
          placeholder="Search name, image, host, project…"
          value={filters.q}
          onChange={(event) => onChange({ q: event.target.value })}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div className="filters__row">
        <SelectFilter
          id={`${id}-host`}
          label="Host"
          value={filters.host}
          onChange={(host) => onChange({ host })}
          options={[
            ['', 'All hosts'],
            ...options.hosts.map((host): [string, string] => [host, host]),
          ]}
        />
        <SelectFilter
          id={`${id}-registry`}
          label="Registry"
          value={filters.registry}
          onChange={(registry) => onChange({ registry })}
          options={[
            ['', 'All registries'],
            ...options.registries.map((registry): [string, string] => [registry, registry]),
          ]}
        />
        <SelectFilter
          id={`${id}-update`}
          label="Update"
          value={filters.update}
          onChange={(update) => onChange({ update: update as UpdateFilter })}
          options={Object.entries(UPDATE_LABELS)}
        />
        <SelectFilter
          id={`${id}-status`}
          label="Status"
          value={filters.status}
          onChange={(status) => onChange({ status })}
          options={[
            ['', 'Any status'],
            ...options.statuses.map((status): [string, string] => [status, status]),
          ]}
        />
        <SelectFilter
          id={`${id}-error`}
          label="Check error"
          value={filters.error}
          onChange={(error) => onChange({ error: error as ErrorFilter })}
          options={[
            ['any', 'Any'],
            ['yes', 'Has an error'],
            ['no', 'No error'],
          ]}
        />
        <SelectFilter
          id={`${id}-group`}
          label="Group by"
          value={filters.group}
          onChange={(group) => onChange({ group: group as GroupBy })}
          options={[
            ['none', 'Nothing'],
            ['host', 'Host'],
            ['project', 'Compose project'],
          ]}
        />
        <SelectFilter
          id={`${id}-sort`}
          label="Sort by"
          value={filters.sort}
          onChange={(sort) => onChange({ sort: sort as SortKey })}
          options={SORT_KEYS.map((key): [string, string] => [key, SORT_LABELS[key]])}
        />
        <Button
          size="sm"
          className="filters__dir"
          onClick={() => onChange({ dir: filters.dir === 'asc' ? 'desc' : 'asc' })}
          aria-label={`Sort direction: ${filters.dir === 'asc' ? 'ascending' : 'descending'}`}
          title="Reverse the order"
        >
          {filters.dir === 'asc' ? '↑ Asc' : '↓ Desc'}
        </Button>
        <Button
          size="sm"
          variant="ghost"
          onClick={onClear}
          disabledReason={activeCount === 0 ? 'No filter is set' : undefined}
        >
          Clear filters{activeCount > 0 ? ` (${activeCount})` : ''}
        </Button>
      </div>
    </div>
  );
}

type SelectFilterProps = {
  id: string;
  label: string;
  value: string;
  options: Array<[string, string]>;
  onChange: (value: string) => void;
};

function SelectFilter({ id, label, value, options, onChange }: SelectFilterProps) {
  // A value from a shared URL that no container has (any more) stays visible and selected.
  const shown = options.some(([optionValue]) => optionValue === value)
    ? options
    : [...options, [value, value] as [string, string]];
  return (
    <div className="filters__field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {shown.map(([optionValue, text]) => (
          <option key={optionValue} value={optionValue}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
