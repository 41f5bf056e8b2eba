import type { RequestContext } from '../../platform/http/context.js';
import type { T } from '../../platform/i18n/i18n.js';
import { ROLLOUT_STATES, type RolloutState } from './territories.domain.js';
import type { MapTerritory, RolloutMapView } from './territories.map.js';
import { RolloutBadge } from './territories.views.js';

/**
 * Each state has a colour *and* a pattern (hatching, dots, stripes, plain), repeated in the legend
 * with its name, so the map never relies on colour alone; the table below says it all in text.
 */
const STYLE: Record<RolloutState, { bg: string; fg: string }> = {
  planned: { bg: '#f3f4f6', fg: '#4b5563' },
  waitlist: { bg: '#fde7c2', fg: '#9a4a0c' },
  pilot: { bg: '#cfeadf', fg: '#0b5d4b' },
  open: { bg: '#7cc4a4', fg: '#7cc4a4' },
};
const patternId = (s: RolloutState) => `rollout-pattern-${s}`;

function Patterns() {
  const p = (s: RolloutState) => STYLE[s];
  return (
    <defs>
      <pattern id={patternId('planned')} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="8" height="8" fill={p('planned').bg} />
        <line x1="0" y1="0" x2="0" y2="8" stroke={p('planned').fg} stroke-width="2" />
      </pattern>
      <pattern id={patternId('waitlist')} width="8" height="8" patternUnits="userSpaceOnUse">
        <rect width="8" height="8" fill={p('waitlist').bg} />
        <circle cx="4" cy="4" r="1.6" fill={p('waitlist').fg} />
      </pattern>
      <pattern id={patternId('pilot')} width="8" height="8" patternUnits="userSpaceOnUse">
        <rect width="8" height="8" fill={p('pilot').bg} />
        <line x1="0" y1="4" x2="8" y2="4" stroke={p('pilot').fg} stroke-width="2" />
      </pattern>
      <pattern id={patternId('open')} width="8" height="8" patternUnits="userSpaceOnUse">
        <rect width="8" height="8" fill={p('open').bg} />
      </pattern>
    </defs>
  );
}

function Shape({ t, x }: { t: T; x: MapTerritory & { shape: NonNullable<MapTerritory['shape']> } }) {
  const label = t('territories.map.shapeLabel', { name: x.name, state: t(`rollout.${x.state}`) });
  return (
    <a href={`/territoires/${x.slug}`} aria-label={label} class="rollout-map-shape">
      <path d={x.shape.path} fill={`url(#${patternId(x.state)})`} fill-rule="evenodd" stroke="#1f2328" stroke-width="1.5" stroke-linejoin="round" />
      <text x={x.shape.label[0]} y={x.shape.label[1]} text-anchor="middle" dominant-baseline="middle" font-size="13" font-weight="600" fill="#1f2328" stroke="#ffffff" stroke-width="3" paint-order="stroke" aria-hidden="true">{x.name}</text>
    </a>
  );
}

function Legend({ t }: { t: T }) {
  return (
    <ul class="rollout-legend" aria-label={t('territories.map.legend')}>
      {ROLLOUT_STATES.map((s) => (
        <li>
          <svg width="28" height="18" viewBox="0 0 28 18" aria-hidden="true" focusable="false">
            <rect x="1" y="1" width="26" height="16" fill={`url(#${patternId(s)})`} stroke="#1f2328" stroke-width="1" />
          </svg>
          <span>{t(`rollout.${s}`)}</span> <span class="muted">— {t(`territories.map.pattern.${s}`)}</span>
        </li>
      ))}
    </ul>
  );
}

function RolloutTable({ ctx, map }: { ctx: RequestContext; map: RolloutMapView }) {
  const { t, fmt } = ctx;
  return (
    <div class="table-wrap" id="deploiement-tableau">
      <table>
        <caption>{t('territories.map.tableCaption')}</caption>
        <thead>
          <tr><th scope="col">{t('territories.map.columns.territory')}</th><th scope="col">{t('territories.map.columns.state')}</th><th scope="col">{t('territories.map.columns.since')}</th><th scope="col">{t('territories.map.columns.next')}</th></tr>
        </thead>
        <tbody>
          {map.territories.map((x) => (
            <tr>
              <th scope="row"><a href={`/territoires/${x.slug}`}>{x.name}</a></th>
              <td><RolloutBadge t={t} state={x.state} /></td>
              <td>{x.since ? <time datetime={x.since.toISOString()}>{fmt.date(x.since)}</time> : '—'}</td>
              <td>{x.next ? <>{t(`rollout.${x.next.state}`)}, <time datetime={x.next.at.toISOString()}>{fmt.date(x.next.at)}</time></> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The rollout map (inline SVG, links with names and states), its legend and the table alternative. */
export function RolloutMapSection({ ctx, map }: { ctx: RequestContext; map: RolloutMapView }) {
  const { t } = ctx;
  const drawn = map.territories.filter((x): x is MapTerritory & { shape: NonNullable<MapTerritory['shape']> } => x.shape !== null);
  return (
    <section aria-labelledby="rollout-map-title" class="rollout-map-section">
      <h2 id="rollout-map-title">{t('territories.map.title')}</h2>
      <p>{t('territories.map.intro')} <a href="#deploiement-tableau">{t('territories.map.skipToTable')}</a></p>
      {drawn.length ? (
        <figure class="rollout-map">
          <svg viewBox={`0 0 ${map.width} ${map.height}`} role="group" aria-labelledby="rollout-map-caption" class="rollout-map-svg">
            <Patterns />
            {drawn.map((x) => <Shape t={t} x={x} />)}
          </svg>
          <figcaption id="rollout-map-caption">
            <span class="visually-hidden">{t('territories.map.caption')}</span>
            <Legend t={t} />
          </figcaption>
        </figure>
      ) : (
        <p class="muted">{t('territories.map.noShapes')}</p>
      )}
      {map.territories.length ? <RolloutTable ctx={ctx} map={map} /> : <p class="muted">{t('territories.list.empty')}</p>}
    </section>
  );
}
