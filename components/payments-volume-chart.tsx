// Daily volume as an inline SVG bar chart (no chart library): one bar per UTC day, each with its figure as a title.
import { formatMinorAmount } from '@/lib/money';

const WIDTH = 640;
const HEIGHT = 160;
const AXIS = 20;

export function PaymentsVolumeChart({ currency, daily }: { currency: string; daily: { day: string; volume: number }[] }) {
  const highest = Math.max(...daily.map((entry) => entry.volume), 0);
  const slot = WIDTH / Math.max(daily.length, 1);
  const barWidth = Math.max(slot * 0.8, 1);
  const plotHeight = HEIGHT - AXIS;
  const label = `Daily volume in ${currency.toUpperCase()}, ${daily[0]?.day ?? ''} to ${daily.at(-1)?.day ?? ''}; highest day ${formatMinorAmount(highest, currency)}`;
  return (
    <figure className="space-y-1">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} className="h-40 w-full rounded-md border border-slate-200 bg-white">
        <line x1={0} y1={plotHeight} x2={WIDTH} y2={plotHeight} className="stroke-slate-300" strokeWidth={1} />
        {daily.map((entry, index) => {
          const height = highest === 0 ? 0 : Math.max((entry.volume / highest) * (plotHeight - 8), entry.volume > 0 ? 1 : 0);
          return (
            <rect key={entry.day} x={index * slot + (slot - barWidth) / 2} y={plotHeight - height} width={barWidth} height={height} className="fill-indigo-500">
              <title>{`${entry.day}: ${formatMinorAmount(entry.volume, currency)}`}</title>
            </rect>
          );
        })}
        <text x={2} y={HEIGHT - 4} className="fill-slate-500 text-[11px]">
          {daily[0]?.day}
        </text>
        <text x={WIDTH - 2} y={HEIGHT - 4} textAnchor="end" className="fill-slate-500 text-[11px]">
          {daily.at(-1)?.day}
        </text>
      </svg>
      <figcaption className="text-xs text-slate-500">
        Daily volume (UTC days); highest day {formatMinorAmount(highest, currency)}.
      </figcaption>
    </figure>
  );
}
