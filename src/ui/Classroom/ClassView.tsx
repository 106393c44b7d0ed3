import { useId, useMemo, useState, useSyncExternalStore, type DragEvent } from 'react';
import { classAssignment, describeTemperatures, type ClassColumn, type ClassRow } from '../../core/assignmentClass';
import { getClassViewStore, type ClassViewState } from '../../store/classViewStore';
import { useAssignmentStore } from '../Assignment/useAssignment';
import { downloadText } from '../Notices/downloadText';

const COLUMNS: { column: ClassColumn; label: string; numeric?: boolean }[] = [
  { column: 'student', label: 'Student' },
  { column: 'handedBackAt', label: 'Handed back' },
  { column: 'phrases', label: 'Phrases', numeric: true },
  { column: 'byStudent', label: 'Notes by the student', numeric: true },
  { column: 'byModel', label: 'From the model', numeric: true },
  { column: 'given', label: 'Given', numeric: true },
  { column: 'proposalsMade', label: 'Proposals made', numeric: true },
  { column: 'proposalsAccepted', label: 'Proposals accepted', numeric: true },
  { column: 'temperature', label: 'Temperature', numeric: true },
];

const when = (at: number | null) =>
  at === null ? '—' : new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function useClassView<T>(select: (s: ClassViewState) => T): T {
  const view = useClassViewStore();
  return useSyncExternalStore(view.subscribe, () => select(view.getState()));
}

function useClassViewStore() {
  const assignments = useAssignmentStore();
  return useMemo(() => getClassViewStore(assignments), [assignments]);
}

/** Reads dropped or picked files as text (a hand-back file is a small JSON file). */
async function readFiles(list: FileList | null): Promise<{ name: string; text: string }[]> {
  const files = Array.from(list ?? []);
  return Promise.all(files.map(async (f) => ({ name: f.name, text: f.size > 32 * 1024 * 1024 ? '' : await f.text() })));
}

function Row({ row, onOpen, onRemove }: { row: ClassRow; onOpen(): void; onRemove(): void }) {
  const name = row.ok ? row.stats.student || 'unnamed student' : row.student || row.source;
  if (!row.ok) {
    return (
      <tr className="class-row-problem" data-problem="true">
        <th scope="row">{name}</th>
        <td colSpan={COLUMNS.length - 1}>
          <span className="class-problem">Not loaded: {row.reason}</span>{' '}
          <span className="classroom-hint">({row.source})</span>
        </td>
        <td>
          <button type="button" className="ghost" aria-label={`Remove ${name}`} onClick={onRemove}>
            Remove
          </button>
        </td>
      </tr>
    );
  }
  const s = row.stats;
  const changed = [
    s.changedModel ? `${s.changedModel} changed from the model` : '',
    s.changedGiven ? `${s.changedGiven} changed from the given notes` : '',
  ].filter(Boolean);
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{when(s.handedBackAt)}</td>
      <td className="num">{s.phrases}</td>
      <td className="num" title={changed.join(', ') || undefined}>
        {s.byStudent}
        {changed.length > 0 && <span className="classroom-hint"> ({changed.join(', ')})</span>}
      </td>
      <td className="num">{s.byModel}</td>
      <td className="num">{s.given}</td>
      <td
        className="num"
        title={
          s.proposalsMade === null
            ? 'This song keeps no count of the proposals asked for (made before the counts, or the model was never asked)'
            : undefined
        }
      >
        {s.proposalsMade ?? '—'}
      </td>
      <td className="num">{s.proposalsAccepted}</td>
      <td className="num">{describeTemperatures(s.temperatures) || '—'}</td>
      <td className="class-row-actions">
        <button type="button" aria-label={`Open ${name}'s song`} onClick={onOpen}>
          Open
        </button>
        <button type="button" className="ghost" aria-label={`Remove ${name}`} onClick={onRemove}>
          Remove
        </button>
      </td>
    </tr>
  );
}

/**
 * The class view: hand-backs pasted as links (one a line) or dropped as files, one row a student, sortable,
 * exportable as CSV, each row opening that student's song. A hand-back that cannot be loaded (another
 * assignment, a damaged file, a duplicate, a newer version) gets a row saying what is wrong.
 */
export function ClassView() {
  const view = useClassViewStore();
  const rows = useClassView((s) => s.rows);
  const sort = useClassView((s) => s.sort);
  const reading = useClassView((s) => s.reading);
  const [text, setText] = useState('');
  const [dragging, setDragging] = useState(false);
  const fileId = useId();
  const shown = useMemo(() => view.actions.sorted(), [view, rows, sort]); // eslint-disable-line react-hooks/exhaustive-deps
  const problems = rows.filter((r) => !r.ok).length;
  const assignment = classAssignment(rows);
  const add = () => {
    const links = text;
    setText('');
    void view.actions.addLinks(links);
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void readFiles(e.dataTransfer.files).then((files) => view.actions.addFiles(files));
  };
  return (
    <section
      className={`classroom-card class-view${dragging ? ' dragging' : ''}`}
      role="region"
      aria-label="Class view"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
    >
      <div className="classroom-card-head">
        <h3 className="classroom-card-title">Class view{assignment?.title ? `: ${assignment.title}` : ''}</h3>
        <button
          type="button"
          disabled={rows.length === 0}
          onClick={() => downloadText(`${assignment?.title || 'class'} hand-backs.csv`, view.actions.csv(), 'text/csv')}
        >
          Export CSV
        </button>
        <button type="button" className="ghost" disabled={rows.length === 0} onClick={() => view.actions.clear()}>
          Clear
        </button>
      </div>
      <div className="class-view-add">
        <label className="form-row form-wide">
          <span className="form-label">Add hand-backs</span>
          <textarea
            rows={3}
            value={text}
            placeholder="Paste hand-back links, one a line (Enter adds them; Shift+Enter for a new line)"
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                add();
              }
            }}
          />
        </label>
        <div className="form-actions">
          <button type="button" className="primary" onClick={add} disabled={!text.trim()}>
            Add
          </button>
          <label className="file-button" htmlFor={fileId}>
            Add hand-back files…
          </label>
          <input
            id={fileId}
            className="visually-hidden"
            type="file"
            multiple
            accept=".json,application/json"
            onChange={(e) => {
              const input = e.currentTarget;
              void readFiles(input.files).then((files) => {
                input.value = '';
                return view.actions.addFiles(files);
              });
            }}
          />
          <span className="classroom-hint">or drop hand-back files here</span>
        </div>
      </div>
      {reading > 0 && (
        <p role="status">
          Reading {reading} hand-back{reading === 1 ? '' : 's'}…
        </p>
      )}
      {problems > 0 && (
        <p role="alert">
          {problems} hand-back{problems === 1 ? '' : 's'} could not be loaded: each row marked “Not loaded” says why.
          The others are in the table.
        </p>
      )}
      <div className="class-table-wrap">
        <table className="class-table" aria-label="Hand-backs">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.column}
                  scope="col"
                  className={c.numeric ? 'num' : undefined}
                  aria-sort={sort?.column === c.column ? sort.direction : undefined}
                >
                  <button type="button" className="sort-button" onClick={() => view.actions.sortBy(c.column)}>
                    {c.label}
                    <span aria-hidden="true">
                      {sort?.column === c.column ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
                    </span>
                  </button>
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <Row
                key={row.id}
                row={row}
                onOpen={() => void view.actions.open(row.id)}
                onRemove={() => view.actions.remove(row.id)}
              />
            ))}
          </tbody>
        </table>
      </div>
      {shown.length === 0 && <p className="classroom-hint">No hand-backs yet.</p>}
    </section>
  );
}
