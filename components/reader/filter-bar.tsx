import type { ReaderFilter } from '@/lib/documents/reader-filter';
import type { ReaderView } from '@/lib/documents/get-reader';

/** Filters as a plain GET form: works without JavaScript, and the URL is shareable. */
export function FilterBar({ view, filter }: { view: ReaderView; filter: ReaderFilter }) {
  return (
    <form className="filter-bar" method="get" aria-label="Filter annotations">
      {filter.rev ? <input type="hidden" name="rev" value={filter.rev} /> : null}
      <label>
        Author
        <select name="author" defaultValue={filter.author ?? ''}>
          <option value="">Anyone</option>
          {view.filterOptions.authors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Tag
        <select name="tag" defaultValue={filter.tag ?? ''}>
          <option value="">Any tag</option>
          {view.filterOptions.tags.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label>
        Status
        <select name="status" defaultValue={filter.status ?? ''}>
          <option value="">Open and resolved ({view.filterOptions.counts.all})</option>
          <option value="open">Open ({view.filterOptions.counts.open})</option>
          <option value="resolved">Resolved ({view.filterOptions.counts.resolved})</option>
        </select>
      </label>
      <label className="inline">
        <input type="checkbox" name="mine" value="1" defaultChecked={filter.mine === '1'} /> Only
        mine ({view.filterOptions.counts.mine})
      </label>
      <label className="inline">
        <input type="checkbox" name="mentions" value="1" defaultChecked={filter.mentions === '1'} />{' '}
        Mentioning me ({view.filterOptions.counts.mentions})
      </label>
      <button type="submit" className="quiet">
        Apply
      </button>
    </form>
  );
}
