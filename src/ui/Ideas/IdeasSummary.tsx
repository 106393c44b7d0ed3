import { IDEA_KINDS, IDEA_LABELS, ideaCount, takenShare } from '../../core/ideas';
import { useAppState } from '../AppContext';

/**
 * Taken ideas: how many proposals the model made for this song, per kind, and how many were auditioned and
 * accepted. Counted in the song (so it survives reloads and travels in project files), never sent anywhere.
 */
export function IdeasSummary({ label = 'Taken ideas' }: { label?: string }) {
  const ideas = useAppState((s) => s.song.ideas);
  const rows = IDEA_KINDS.map((kind) => ({ kind, count: ideaCount({ ideas }, kind) }));
  const any = rows.some((r) => r.count.made > 0);
  return (
    <section className="ideas-summary" aria-label={label}>
      <h3>{label}</h3>
      {any ? (
        <table aria-label={label}>
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Made</th>
              <th scope="col">Auditioned</th>
              <th scope="col">Accepted</th>
              <th scope="col">Taken</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ kind, count }) => (
              <tr key={kind}>
                <th scope="row">{IDEA_LABELS[kind]}</th>
                <td>{count.made}</td>
                <td>{count.auditioned}</td>
                <td>{count.accepted}</td>
                <td>{count.made > 0 ? `${Math.round(100 * takenShare(count))}%` : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="empty-hint">No model proposals yet for this song.</p>
      )}
    </section>
  );
}
