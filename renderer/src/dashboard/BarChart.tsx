/** A horizontal bar chart drawn as SVG: one labelled bar per item, optionally a second (lighter) bar per item. */
export interface Bar {
  label: string;
  value: number;
  /** A second value drawn beneath (e.g. last year). */
  compare?: number;
  title?: string;
}

interface BarChartProps {
  bars: Bar[];
  labelWidth?: number;
  width?: number;
  color?: string;
  compareColor?: string;
  testId?: string;
}

const ROW = 22;
const BAR = 14;
const VALUE_SPACE = 48;

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function BarChart({ bars, labelWidth = 130, width = 420, color = '#2f6fb3', compareColor = '#b7c9de', testId }: BarChartProps) {
  const hasCompare = bars.some((bar) => bar.compare !== undefined);
  const rowHeight = hasCompare ? ROW + 8 : ROW;
  const max = Math.max(1, ...bars.flatMap((bar) => [bar.value, bar.compare ?? 0]));
  const plot = width - labelWidth - VALUE_SPACE;
  const scale = (value: number) => (value / max) * plot;
  const height = bars.length * rowHeight + 4;
  return (
    <svg className="bar-chart" data-testid={testId} width="100%" viewBox={`0 0 ${width} ${height}`} role="img" preserveAspectRatio="xMinYMin meet" style={{ maxWidth: width }}>
      {bars.map((bar, i) => {
        const y = i * rowHeight + 2;
        const barHeight = hasCompare ? BAR - 4 : BAR;
        return (
          <g key={bar.label} transform={`translate(0 ${y})`}>
            <title>{bar.title ?? `${bar.label}：${bar.value}${bar.compare !== undefined ? `（上年 ${bar.compare}）` : ''}`}</title>
            <text x={labelWidth - 6} y={barHeight} textAnchor="end" className="chart-label">{truncate(bar.label, Math.floor(labelWidth / 12))}</text>
            <rect x={labelWidth} y={2} width={Math.max(bar.value > 0 ? 2 : 0, scale(bar.value))} height={barHeight} fill={color} rx={2} />
            <text x={labelWidth + scale(bar.value) + 4} y={barHeight} className="chart-value">{bar.value}</text>
            {bar.compare !== undefined && (
              <>
                <rect x={labelWidth} y={barHeight + 4} width={Math.max(bar.compare > 0 ? 2 : 0, scale(bar.compare))} height={barHeight} fill={compareColor} rx={2} />
                <text x={labelWidth + scale(bar.compare) + 4} y={barHeight * 2 + 2} className="chart-value chart-value-compare">{bar.compare}</text>
              </>
            )}
          </g>
        );
      })}
    </svg>
  );
}
