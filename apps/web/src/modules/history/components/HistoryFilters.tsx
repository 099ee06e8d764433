import { useId } from 'react';
import { Button } from '../../../ui/Button';
import {
  type HistoryFilters as Filters,
  RUN_EVENTS,
  RUN_STATUSES,
  type RunEvent,
  type RunStatus,
} from '../utils/history-filters';

export type HistoryFiltersProps = {
  filters: Filters;
  triggerIds: string[];
  onChange: (patch: Partial<Filters>) => void;
  onClear: () => void;
};

export function HistoryFilters({ filters, triggerIds, onChange, onClear }: HistoryFiltersProps) {
  const id = useId().replace(/:/g, '');
  const triggers =
    filters.trigger && !triggerIds.includes(filters.trigger)
      ? [...triggerIds, filters.trigger]
      : triggerIds;
  const active = [
    filters.trigger,
    filters.container,
    filters.status,
    filters.event,
    filters.from,
    filters.to,
  ].filter(Boolean).length;
  return (
    <div className="filters" role="search" aria-label="Filter history">
      <div className="filters__row">
        <div className="filters__field">
          <label htmlFor={`${id}-trigger`}>Trigger</label>
          <select
            id={`${id}-trigger`}
            value={filters.trigger}
            onChange={(event) => onChange({ trigger: event.target.value, page: 1 })}
          >
            <option value="">All triggers</option>
            {triggers.map((trigger) => (
              <option key={trigger} value={trigger}>
                {trigger}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__field filters__field--grow">
          <label htmlFor={`${id}-container`}>Container</label>
          <input
            id={`${id}-container`}
            type="search"
            value={filters.container}
            placeholder="name or host/name"
            onChange={(event) => onChange({ container: event.target.value, page: 1 })}
          />
        </div>
        <div className="filters__field">
          <label htmlFor={`${id}-status`}>Status</label>
          <select
            id={`${id}-status`}
            value={filters.status}
            onChange={(event) =>
              onChange({ status: event.target.value as RunStatus | '', page: 1 })
            }
          >
            <option value="">Any</option>
            {RUN_STATUSES.map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__field">
          <label htmlFor={`${id}-event`}>Event</label>
          <select
            id={`${id}-event`}
            value={filters.event}
            onChange={(event) => onChange({ event: event.target.value as RunEvent | '', page: 1 })}
          >
            <option value="">Any</option>
            {RUN_EVENTS.map((kind) => (
              <option key={kind} value={kind}>
                {kind}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__field">
          <label htmlFor={`${id}-from`}>From</label>
          <input
            id={`${id}-from`}
            type="datetime-local"
            value={filters.from}
            onChange={(event) => onChange({ from: event.target.value, page: 1 })}
          />
        </div>
        <div className="filters__field">
          <label htmlFor={`${id}-to`}>To</label>
          <input
            id={`${id}-to`}
            type="datetime-local"
            value={filters.to}
            onChange={(event) => onChange({ to: event.target.value, page: 1 })}
          />
        </div>
        <Button
          size="sm"
          variant="ghost"
          onClick={onClear}
          disabledReason={active === 0 ? 'No filter is set' : undefined}
        >
          Clear filters{active > 0 ? ` (${active})` : ''}
        </Button>
      </div>
    </div>
  );
}
