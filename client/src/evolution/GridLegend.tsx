/** The grid's legend: each kind of cell as it is drawn (colour, pattern and mark) and what it means. */
import { useLanguage, useT } from '../i18n/i18n.ts';
import { cellClass, LEGEND, markOf, SHADE_BOUNDS } from './gridCells.ts';

// A share inside each shade, for the swatches' sample marks.
const SAMPLE_SHARES = [0, SHADE_BOUNDS[0] / 2, (SHADE_BOUNDS[0] + SHADE_BOUNDS[1]) / 2, (SHADE_BOUNDS[1] + SHADE_BOUNDS[2]) / 2, 0.8];

export function GridLegend() {
  const t = useT();
  const lang = useLanguage();
  return (
    <div class="grid-legend">
      <h4 id="evolution-grid-legend">{t('evolution.grid.legend')}</h4>
      <ul aria-labelledby="evolution-grid-legend">
        {LEGEND.map((entry) => (
          <li key={`${entry.kind}-${entry.shade}`}>
            <span class={`${cellClass(entry)} legend-swatch`} aria-hidden="true">
              {markOf(t, lang, { ...entry, share: SAMPLE_SHARES[entry.shade] ?? 0 })}
            </span>
            {t(entry.label)}
          </li>
        ))}
      </ul>
    </div>
  );
}
