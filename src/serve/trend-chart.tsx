/** Readiness over time: one point per stored assessment of a framework and scope, as an inline SVG. */
import type { FC } from 'hono/jsx';
import { day } from '../report/format.js';

export interface TrendPoint {
  readonly assessmentId: number;
  readonly generatedAt: string;
  readonly met: number;
  readonly applicable: number;
}

const W = 560;
const H = 170;
const PAD = { left: 34, right: 12, top: 12, bottom: 26 };

export const percentOf = (p: { met: number; applicable: number }): number => (p.applicable === 0 ? 0 : Math.round((p.met / p.applicable) * 100));

export const TrendChart: FC<{ points: readonly TrendPoint[] }> = ({ points }) => {
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length <= 1 ? innerW / 2 : (i / (points.length - 1)) * innerW);
  const y = (pct: number) => PAD.top + innerH - (pct / 100) * innerH;
  const coords = points.map((p, i) => `${x(i).toFixed(1)},${y(percentOf(p)).toFixed(1)}`).join(' ');
  const first = points[0];
  const last = points[points.length - 1];
  return (
    <svg class="trend" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Readiness over ${points.length} assessment(s)`}>
      {[0, 50, 100].map((pct) => (
        <>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(pct)} y2={y(pct)} stroke="#dfe3ea" stroke-width="1" />
          <text x={PAD.left - 6} y={y(pct) + 3} text-anchor="end">{`${pct}%`}</text>
        </>
      ))}
      {points.length > 1 ? <polyline points={coords} fill="none" stroke="#1f5fa8" stroke-width="2" /> : null}
      {points.map((p, i) => (
        <circle cx={x(i).toFixed(1)} cy={y(percentOf(p)).toFixed(1)} r="3.5" fill="#1f5fa8">
          <title>{`#${p.assessmentId} ${day(p.generatedAt)}: ${p.met}/${p.applicable} (${percentOf(p)}%)`}</title>
        </circle>
      ))}
      {first ? (
        <text x={PAD.left} y={H - 8} text-anchor="start">
          {day(first.generatedAt)}
        </text>
      ) : null}
      {last && points.length > 1 ? (
        <text x={W - PAD.right} y={H - 8} text-anchor="end">
          {day(last.generatedAt)}
        </text>
      ) : null}
    </svg>
  );
};
