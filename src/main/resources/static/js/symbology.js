// Planning-style symbols: colours by kind, schematic geometry dashed. Pure functions of a feature's properties.
export const SCHEMATIC_DASH = '7 5';

export const PARK_COLORS = {
  industrial_park: '#8e24aa', development_zone: '#d81b60', economic_zone: '#c62828',
  logistics_park: '#6d4c41', agricultural_park: '#7cb342', tourism_zone: '#fb8c00', other: '#90a4ae',
};
export const ZONE_COLORS = {
  urban_zone: '#f48fb1', functional_zone: '#ffcc80', agricultural_zone: '#dce775',
  tourism_zone: '#ffab91', ecological_zone: '#81c784', other: '#b0bec5',
};
export const CORRIDOR_STYLES = {
  economic_corridor: { color: '#e64a19', weight: 16, opacity: 0.22, lineCap: 'butt' },
  highway: { color: '#d7191c', weight: 3.5, opacity: 0.95 },
  railway: { color: '#212121', weight: 4.5, opacity: 0.95, ties: true },
  power_line: { color: '#7b1fa2', weight: 1.6, opacity: 0.9, dashArray: '12 3 2 3' },
  pipeline: { color: '#00838f', weight: 2, opacity: 0.9, dashArray: '2 4' },
  ecological_corridor: { color: '#2e7d32', weight: 8, opacity: 0.45 },
  tourism_belt: { color: '#ff9800', weight: 9, opacity: 0.35 },
  river: { color: '#1e88e5', weight: 2.2, opacity: 0.9 },
  other: { color: '#616161', weight: 2, opacity: 0.8 },
};
export const STRUCTURE_COLORS = {
  core: '#d50000', axis: '#d50000', corridor: '#ff6d00', belt: '#ff9100',
  zone: '#6a1b9a', center: '#d50000', node: '#ff6d00', other: '#9e9d24',
};
export const PROTECTED_COLORS = {
  nature_reserve: '#1b5e20', national_park: '#1b5e20', forest_park: '#33691e', wetland_park: '#00838f',
  water_source: '#0277bd', geopark: '#6d4c41', ecological_redline: '#2e7d32', other: '#558b2f',
};
export const TRANSPORT_COLORS = {
  port_of_entry: '#0d47a1', airport: '#1565c0', railway_station: '#212121',
  logistics_hub: '#6d4c41', bus_station: '#546e7a', other: '#78909c',
};
export const GRADE_STYLES = {
  '5A': { color: '#b71c1c', radius: 9 }, '4A': { color: '#e65100', radius: 7.5 }, '3A': { color: '#f9a825', radius: 6.5 },
  park: { color: '#2e7d32', radius: 6.5 }, village: { color: '#8d6e63', radius: 5 }, other: { color: '#ff8a65', radius: 5 },
};
export const SECTOR_COLORS = {
  energy: '#f9a825', industry: '#6a1b9a', agriculture: '#558b2f', tourism: '#ef6c00',
  logistics: '#455a64', digital: '#0277bd', social: '#c2185b', other: '#757575',
};
export const ROUTE_COLOR_COUNT = 10;

const SECTOR_PATTERNS = [
  ['energy', /energy|能源|电|光伏|风|煤|氢|储能|power|solar|wind/i],
  ['tourism', /tour|文旅|旅游|culture|文化|sport|体育|康养/i],
  ['agriculture', /agri|agro|农|牧|种植|林|果|畜|rural_ind|livestock|farm/i],
  ['logistics', /logist|物流|交通|transport|仓储|口岸|商贸|trade|commerce/i],
  ['digital', /digital|数字|信息|innovation|创新|科技|tech|data/i],
  ['industry', /industr|工业|矿|mining|petro|化工|材料|制造|automotive|装备|纺织|建材|重点工程/i],
  ['social', /educat|教育|health|医|人才|urban|城|rural|乡村|安置|民生|住房|水利|water|生态|eco/i],
];

export function sectorGroup(sector) {
  const value = String(sector || '');
  for (const [group, pattern] of SECTOR_PATTERNS) if (pattern.test(value)) return group;
  return 'other';
}

export function gradeClass(props) {
  const grade = String(props.grade || '');
  const m = grade.match(/([345])\s*A/i);
  if (m) return `${m[1]}A`;
  if (['national_park', 'geopark', 'forest_park', 'wetland_park'].includes(props.kind)) return 'park';
  if (props.kind === 'village' || /村/.test(grade)) return 'village';
  return 'other';
}

const isSchematic = (props) => props.position_accuracy === 'schematic';

function dashed(style, props) {
  if (!isSchematic(props) || style.dashArray) return style;
  return { ...style, dashArray: style.weight >= 8 ? '16 8' : SCHEMATIC_DASH };
}

/** Path options for a feature's lines and areas, by layer. */
export function pathStyle(layerKey, props) {
  switch (layerKey) {
    case 'neighbours':
      return { color: '#a8a8a8', weight: 0.8, fillColor: '#eceae4', fillOpacity: 0.55, opacity: 0.8 };
    case 'counties':
      return { color: '#3e3e3e', weight: 1.8, fillColor: '#fffef8', fillOpacity: 0.9 };
    case 'townships':
      return { color: '#8a8a8a', weight: 0.8, dashArray: '4 3', fill: true, fillOpacity: 0 };
    case 'zones': {
      const c = ZONE_COLORS[props.kind] || ZONE_COLORS.other;
      return dashed({ color: c, weight: 1.2, fillColor: c, fillOpacity: 0.22, opacity: 0.9 }, props);
    }
    case 'parks': {
      const c = PARK_COLORS[props.kind] || PARK_COLORS.other;
      return dashed({ color: c, weight: 2, fillColor: c, fillOpacity: 0.35 }, props);
    }
    case 'protected_areas': {
      const c = PROTECTED_COLORS[props.kind] || PROTECTED_COLORS.other;
      return dashed({ color: c, weight: 1.8, fillColor: c, fillOpacity: 0.18 }, props);
    }
    case 'structure': {
      const c = STRUCTURE_COLORS[props.kind] || STRUCTURE_COLORS.other;
      const broad = { axis: 6, corridor: 6, belt: 10 }[props.kind];
      if (broad) return dashed({ color: c, weight: broad, opacity: 0.45, fill: false, lineCap: 'butt' }, props);
      return dashed({ color: c, weight: 2.2, fillColor: c, fillOpacity: props.kind === 'core' ? 0.2 : 0.06 }, props);
    }
    case 'corridors': {
      const { ties, ...style } = CORRIDOR_STYLES[props.kind] || CORRIDOR_STYLES.other;
      return dashed({ ...style, fill: false }, props);
    }
    case 'routes':
      return dashed({ color: routeColor(props._routeIndex), weight: 3.5, opacity: 0.9, fill: false }, props);
    case 'projects': {
      const c = SECTOR_COLORS[sectorGroup(props.sector)];
      return dashed({ color: c, weight: 1.5, fillColor: c, fillOpacity: 0.3 }, props);
    }
    default:
      return { color: '#555', weight: 1.5 };
  }
}

/** The white ties drawn over a railway's black line. */
export function railwayTies(props) {
  return { color: '#ffffff', weight: 2.2, opacity: 1, dashArray: isSchematic(props) ? '4 12' : '8 8', fill: false, interactive: false };
}

/** CircleMarker options for a point feature, by layer. */
export function pointStyle(layerKey, props) {
  const ring = (color, radius, extra = {}) => ({
    radius, color: '#ffffff', weight: 1.5, fillColor: color, fillOpacity: 0.95,
    dashArray: isSchematic(props) ? '3 2' : null, ...extra,
  });
  switch (layerKey) {
    case 'parks':
      return ring(PARK_COLORS[props.kind] || PARK_COLORS.other, 8, { color: '#212121', weight: 1.2 });
    case 'scenic_spots': {
      const g = GRADE_STYLES[gradeClass(props)];
      return ring(g.color, g.radius);
    }
    case 'projects':
      return ring(SECTOR_COLORS[sectorGroup(props.sector)], 6.5, { color: '#ffffff', weight: 1.2 });
    case 'protected_areas':
      return ring(PROTECTED_COLORS[props.kind] || PROTECTED_COLORS.other, 6, { color: '#c8e6c9', weight: 2 });
    case 'transport_nodes':
      return ring(TRANSPORT_COLORS[props.kind] || TRANSPORT_COLORS.other, 6, { color: '#ffffff', weight: 2 });
    case 'structure': {
      const c = STRUCTURE_COLORS[props.kind] || STRUCTURE_COLORS.other;
      return { radius: props.kind === 'center' || props.kind === 'core' ? 10 : 7, color: c, weight: 3, fillColor: '#ffffff', fillOpacity: 0.6 };
    }
    case 'townships':
      return { radius: 2.5, color: '#616161', weight: 1, fillColor: '#ffffff', fillOpacity: 1 };
    default:
      return ring('#607d8b', 5);
  }
}

export function routeColor(index) {
  return ROUTE_PALETTE[(index || 0) % ROUTE_PALETTE.length];
}

// Kept in step with the .pm-route-c0 … .pm-route-c9 classes of planmap.css (stop markers).
export const ROUTE_PALETTE = [
  '#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#9a6324', '#469990', '#800000',
];

// Land-use colours (2023 用地用海分类) from the server's land-use list (/api/landuse), by code.
const LAND_USE_COLORS = new Map();
export const UNKNOWN_LAND_USE_COLOR = '#9e9e9e';

export function setLandUseColors(list) {
  LAND_USE_COLORS.clear();
  (list || []).forEach((c) => { if (c && c.code && c.color) LAND_USE_COLORS.set(c.code, c.color); });
}

/** A class's colour, else its nearest parent's (codes grow by two digits a level). */
export function landUseColor(code) {
  for (let c = String(code || '').trim(); c.length >= 2; c = c.slice(0, -2)) {
    const color = LAND_USE_COLORS.get(c);
    if (color) return color;
  }
  return UNKNOWN_LAND_USE_COLOR;
}
