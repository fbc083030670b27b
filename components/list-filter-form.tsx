// The filter form above a list: one select per field (status, reason, …) and a Filter button. A plain GET form,
// so a filter is a URL to bookmark and the page stays a server component.

export interface ListFilterSelect {
  /** the query parameter, e.g. `status` */
  name: string;
  label: string;
  /** what "no filter" reads as, e.g. "Any status" */
  anyLabel: string;
  options: Record<string, string>;
  selected: string | undefined;
}

export function ListFilterForm({ label, selects }: { label: string; selects: ListFilterSelect[] }) {
  return (
    <form method="get" aria-label={label} className="flex flex-wrap items-end gap-3">
      {selects.map((select) => (
        <div key={select.name}>
          <label htmlFor={`filter-${select.name}`} className="text-sm font-medium text-slate-700">
            {select.label}
          </label>
          <select
            id={`filter-${select.name}`}
            name={select.name}
            defaultValue={select.selected ?? ''}
            className="mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            <option value="">{select.anyLabel}</option>
            {Object.entries(select.options).map(([value, optionLabel]) => (
              <option key={value} value={value}>
                {optionLabel}
              </option>
            ))}
          </select>
        </div>
      ))}
      <button type="submit" className="rounded-md border border-slate-300 px-3 py-2 text-sm">
        Filter
      </button>
    </form>
  );
}
