import type { KeyboardEvent, MouseEvent } from 'react';
import { useAssignmentLocks } from '../Assignment/useAssignment';
import { useVaeState, useVaeStore } from '../Interpolate/useVae';
import '../Interpolate/interpolate.css';

const W = 520;
const H = 260;
const PAD = 18;

/**
 * The latent map (a teaching view): where the song's two-bar windows lie in the MusicVAE's latent space,
 * on the two principal axes of their codes, one dot per window in its phrase's colour. Clicking between
 * dots proposes the phrase at that point (on the line between the two nearest dots' codes); a focused dot
 * with Enter proposes the phrase halfway to its nearest neighbour.
 */
export function LatentMap() {
  const vae = useVaeStore();
  const map = useVaeState((s) => s.latentMap);
  const busy = useVaeState((s) => s.busy);
  const blocked = useAssignmentLocks().model;
  const xs = map?.dots.map((d) => d.x) ?? [];
  const ys = map?.dots.map((d) => d.y) ?? [];
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const sx = (x: number) => PAD + ((x - minX) / (maxX - minX || 1)) * (W - 2 * PAD);
  const sy = (y: number) => H - PAD - ((y - minY) / (maxY - minY || 1)) * (H - 2 * PAD);
  const fromScreen = (px: number, py: number): [number, number] => [
    minX + ((px - PAD) / (W - 2 * PAD)) * (maxX - minX || 1),
    minY + ((H - PAD - py) / (H - 2 * PAD)) * (maxY - minY || 1),
  ];

  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    if (!map || busy) return;
    const box = e.currentTarget.getBoundingClientRect();
    const [x, y] = fromScreen(((e.clientX - box.left) / box.width) * W, ((e.clientY - box.top) / box.height) * H);
    void vae.actions.proposeAt(x, y);
  };
  const onDotKey = (e: KeyboardEvent<SVGCircleElement>, index: number) => {
    if (!map || busy || (e.key !== 'Enter' && e.key !== ' ')) return;
    e.preventDefault();
    const d = map.dots[index];
    const others = map.dots.filter((_, i) => i !== index);
    if (others.length === 0) return;
    const near = others.reduce((a, b) => (Math.hypot(b.x - d.x, b.y - d.y) < Math.hypot(a.x - d.x, a.y - d.y) ? b : a));
    void vae.actions.proposeAt((d.x + near.x) / 2, (d.y + near.y) / 2);
  };

  return (
    <section className="latent-map-panel" aria-label="Latent map">
      <h2 className="panel-title">Latent map</h2>
      <div className="latent-map-controls">
        <button
          type="button"
          disabled={busy || !!blocked}
          title={blocked}
          onClick={() => void vae.actions.mapLatentSpace()}
        >
          Map the phrases
        </button>
        {map && (
          <span className="latent-map-note">
            {map.dots.length} two-bar windows; the axes show {Math.round(100 * (map.explained[0] + map.explained[1]))}%
            of how their codes differ. Click between dots to propose the phrase there.
          </span>
        )}
      </div>
      {map && (
        <svg
          className="latent-map"
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-label={`Latent map of ${map.dots.length} phrase windows`}
          onClick={onClick}
        >
          {map.dots.map((d, i) => (
            <g key={i}>
              <circle
                cx={sx(d.x)}
                cy={sy(d.y)}
                r={7}
                fill={d.color}
                tabIndex={0}
                role="button"
                aria-label={d.label}
                onKeyDown={(e) => onDotKey(e, i)}
              >
                <title>{d.label}</title>
              </circle>
              <text x={sx(d.x) + 9} y={sy(d.y) + 4} fontSize={11} fill="currentColor">
                {d.label.replace(' bars ', ' ')}
              </text>
            </g>
          ))}
        </svg>
      )}
    </section>
  );
}
