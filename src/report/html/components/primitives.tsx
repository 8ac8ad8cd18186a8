/** Small shared pieces: verdict colours and badges, the readiness donut and bar charts (anchors: report/contents.ts). */
import type { FC } from 'hono/jsx';
import { ITEM_VERDICTS, type ItemVerdict } from '../../../core/assessment.js';
import { VERDICT_LABEL } from '../../format.js';

export const VERDICT_COLORS: Record<ItemVerdict, string> = {
  MET: '#1e7d4f',
  NOT_MET: '#b42318',
  NEEDS_EVIDENCE: '#d08a00',
  UNKNOWN: '#5b4bb7',
  NOT_APPLICABLE: '#aab1bd',
};

export const Verdict: FC<{ v: ItemVerdict }> = ({ v }) => <span class={`badge v-${v}`}>{VERDICT_LABEL[v]}</span>;

export const Donut: FC<{ counts: Record<ItemVerdict, number>; percent: number }> = ({ counts, percent }) => {
  const total = ITEM_VERDICTS.reduce((s, v) => s + counts[v], 0);
  const r = 52;
  const c = 2 * Math.PI * r;
  let offset = 0;
  const arcs = ITEM_VERDICTS.filter((v) => counts[v] > 0).map((v) => {
    const len = total === 0 ? 0 : (counts[v] / total) * c;
    const arc = (
      <circle
        r={r}
        cx="70"
        cy="70"
        fill="none"
        stroke={VERDICT_COLORS[v]}
        stroke-width="22"
        stroke-dasharray={`${len.toFixed(2)} ${(c - len).toFixed(2)}`}
        stroke-dashoffset={(-offset).toFixed(2)}
        transform="rotate(-90 70 70)"
      >
        <title>{`${VERDICT_LABEL[v]}: ${counts[v]}`}</title>
      </circle>
    );
    offset += len;
    return arc;
  });
  return (
    <svg width="140" height="140" viewBox="0 0 140 140" role="img" aria-label={`Readiness ${percent}%`}>
      <circle r={r} cx="70" cy="70" fill="none" stroke="#eef0f3" stroke-width="22" />
      {arcs}
      <text x="70" y="68" text-anchor="middle" font-size="22" font-weight="800" fill="#1d2433">{`${percent}%`}</text>
      <text x="70" y="86" text-anchor="middle" font-size="10" fill="#5b6477">ready</text>
    </svg>
  );
};

export const CountsBar: FC<{ counts: Record<ItemVerdict, number> }> = ({ counts }) => {
  const total = ITEM_VERDICTS.reduce((s, v) => s + counts[v], 0);
  return (
    <svg width="160" height="10" viewBox="0 0 160 10" role="img" aria-label="verdicts">
      {(() => {
        let x = 0;
        return ITEM_VERDICTS.filter((v) => counts[v] > 0).map((v) => {
          const w = total === 0 ? 0 : (counts[v] / total) * 160;
          const rect = <rect x={x.toFixed(2)} y="0" width={w.toFixed(2)} height="10" fill={VERDICT_COLORS[v]} />;
          x += w;
          return rect;
        });
      })()}
    </svg>
  );
};

export const HBar: FC<{ value: number; max: number }> = ({ value, max }) => (
  <svg width="140" height="10" viewBox="0 0 140 10" role="img" aria-label={String(value)}>
    <rect x="0" y="0" width="140" height="10" fill="#eef0f3" rx="3" />
    <rect x="0" y="0" width={max <= 0 ? '0' : ((value / max) * 140).toFixed(2)} height="10" fill="#ff9900" rx="3" />
  </svg>
);
