// The map's layers. Levels with few shapes (provinces, districts) come as GeoJSON (hover and restyling
// are exact and cheap), levels with many (subdistricts: 7,425 shapes would be megabytes of GeoJSON) as
// vector tiles; which is which follows the counts of /api/levels (see levels.js). Every layer draws on a canvas renderer so "save picture" can copy the pixels, and so the
// "no data" hatch can be a CanvasPattern. Values are joined by code on the client: a new indicator only
// restyles, it never reloads geometry.
import { L } from './lib.js';
import { api } from './api.js';

/** Diagonal grey hatch on white: "no data", never to be confused with the lowest class. */
export const HATCH = (() => {
  const c = document.createElement('canvas');
  c.width = c.height = 8;
  const g = c.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, 8, 8);
  g.strokeStyle = '#8a8a8a';
  g.lineWidth = 1.5;
  g.beginPath();
  g.moveTo(-2, 2);
  g.lineTo(2, -2);
  g.moveTo(0, 8);
  g.lineTo(8, 0);
  g.moveTo(6, 10);
  g.lineTo(10, 6);
  g.stroke();
  return g.createPattern(c, 'repeat');
})();

/** Border lines of the tiles' `{level}_borders` layer by rank: the country's outline, then each level down. */
const COUNTRY_BORDER = [2.5, '#333'];
const BORDERS = [[1.6, '#444'], [0.8, '#666'], [0.35, '#888']];

export class MapLayers {
  /**
   * @param map a Leaflet map
   * @param levels the Levels of /api/levels
   * @param handlers {onHover(props|null, latlng), onClick(props, bounds|null, domEvent)} with props {code, name_th, name_en, parent_code}
   */
  constructor(map, levels, handlers) {
    this.map = map;
    this.levels = levels;
    this.handlers = handlers;
    for (const [pane, z] of [['land', 250], ['choro', 400], ['outline', 450]]) {
      map.createPane(pane).style.zIndex = z;
    }
    map.getPane('outline').style.pointerEvents = 'none';
    this.renderers = {
      land: L.canvas({ pane: 'land', padding: 0.5 }),
      choro: L.canvas({ pane: 'choro', padding: 0.5, tolerance: 2 }),
      outline: L.canvas({ pane: 'outline', padding: 0.5 }),
    };
    this.styleFor = () => ({ fillColor: HATCH });
    this.level = null;
    this.active = null; // the layer carrying the choropleth
    this.highlighted = null;
  }

  /**
   * Loads the grey country background from the top level's shapes; resolves when drawn. Over a base map the
   * land is left unfilled so the base map shows through.
   */
  async loadBackground({ overBaseMap = false } = {}) {
    this.topShapes = await api.geometry(this.levels.top.level, 6);
    this.land = L.geoJSON(this.topShapes, {
      renderer: this.renderers.land,
      interactive: false,
      style: { fillColor: '#e4e1da', fillOpacity: overBaseMap ? 0 : 1, color: '#ffffff', weight: 0.8 },
    }).addTo(this.map);
    this.outline = L.geoJSON(this.topShapes, {
      renderer: this.renderers.outline,
      interactive: false,
      style: { fill: false, color: '#333', weight: 1.6 },
    });
  }

  /**
   * Prepares `level` below `area` ('' = whole country): resolves once its geometry is loaded. The layer goes
   * on the map only in attach(), after the first recolour, so no tile is ever drawn with stale colours.
   */
  async show(level, area) {
    const key = `${level}|${area}`;
    if (this.key === key) return;
    this.key = key;
    this.level = level;
    this.area = area;
    this.vector = this.levels.usesTiles(level);
    this.clearActive();
    if (this.vector) {
      this.active = this.vectorLayer(level);
    } else {
      const top = this.levels.isTop(level);
      this.geomZoom = top ? 6 : this.geometryZoom(area);
      const fc = top ? this.topShapes : await api.geometry(level, this.geomZoom, area || null);
      if (this.key !== key) return; // a newer request won
      this.active = L.geoJSON(fc, {
        renderer: this.renderers.choro,
        style: (f) => this.featureStyle(f.properties.code),
        onEachFeature: (f, layer) => this.bind(layer, f.properties),
      });
    }
  }

  /** Puts the prepared layer on the map (idempotent). */
  attach() {
    if (this.active && !this.map.hasLayer(this.active)) this.active.addTo(this.map);
    // vector tiles carry their own borders of every level, drawn once and seamless
    if (!this.vector && !this.levels.isTop(this.level)) this.outline.addTo(this.map);
    else this.outline.remove();
  }

  /**
   * Swaps in finer GeoJSON when the map is zoomed well past the detail it was loaded for (the server
   * simplifies per zoom band). Colours are kept: the style function reads the current values.
   */
  async refine() {
    if (!this.active || this.vector || !this.active.clearLayers) return;
    const want = Math.min(12, Math.floor(this.map.getZoom()));
    if (want < this.geomZoom + 2) return;
    const key = this.key;
    const fc = await api.geometry(this.level, want, this.area || null);
    if (this.key !== key || !this.active) return;
    this.geomZoom = want;
    this.unhover();
    this.active.clearLayers();
    this.active.addData(fc);
  }

  /** Bounds of an area by code: top-level areas from the background, others from their parent's shapes. */
  async boundsOf(code) {
    const level = code && this.levels.ofCode(code);
    if (!level) return null;
    const fc = this.levels.isTop(level.level) ? this.topShapes : await api.geometry(level.level, 9, this.levels.parentCode(code));
    const f = fc.features.find((x) => x.properties.code === code);
    return f ? L.geoJSON(f).getBounds() : null;
  }

  /** Simplification band to ask for: the whole country needs little detail, a top-level area more, below that most. */
  geometryZoom(area) {
    if (!area) return 6;
    const level = this.levels.ofCode(area);
    return level && this.levels.isTop(level.level) ? 9 : 11;
  }

  /**
   * Outlines the selected area (the one whose panel is open) with a dark line over everything, so it is
   * found at a glance; '' removes it. Its shape comes with its siblings' (cached) from /api/geometry.
   */
  async outlineSelected(code) {
    if (this.wanted === code) return;
    this.wanted = code;
    if (this.selection) this.selection.layer.remove();
    this.selection = null;
    const level = code && this.levels.ofCode(code);
    if (!level) return;
    const parent = this.levels.parentCode(code);
    const fc = this.levels.isTop(level.level) ? this.topShapes : await api.geometry(level.level, this.geometryZoom(parent), parent || null);
    const f = fc.features.find((x) => x.properties.code === code);
    if (!f || this.wanted !== code) return; // another area was chosen meanwhile
    const layer = L.geoJSON(f, {
      renderer: this.renderers.outline,
      interactive: false,
      style: { fill: false, color: '#111', weight: 3.5, opacity: 1 },
    }).addTo(this.map);
    this.selection = { code, layer };
  }

  clearActive() {
    if (this.active) this.active.remove();
    this.active = null;
    this.highlighted = null;
  }

  vectorLayer(level) {
    const borderStyle = (p, z) => {
      const rank = this.levels.depth(p.level);
      const [weight, color] = p.level === 'country' ? COUNTRY_BORDER : BORDERS[Math.min(Math.max(rank, 0), BORDERS.length - 1)];
      // thousands of lines of the finest level at country zooms would grey the whole map out
      const faint = rank === this.levels.map.length - 1 && z < 8;
      return { weight: faint ? 0.25 : weight, color, opacity: faint ? 0.5 : 1, fill: false, interactive: false };
    };
    const options = {
      pane: 'choro',
      rendererFactory: L.canvas.tile,
      interactive: true,
      maxNativeZoom: 14,
      getFeatureId: (f) => (f.properties.code ? Number(f.properties.code) : undefined),
      vectorTileLayerStyles: {
        [level]: (p) => this.featureStyle(String(p.code)),
        [`${level}_borders`]: borderStyle,
      },
    };
    const layer = api.tileLayer(options) || L.vectorGrid.protobuf(api.tileUrl(level), options);
    layer.on('mouseover', (e) => this.hover(e.layer, e.layer.properties, e.latlng));
    layer.on('mouseout', () => this.unhover());
    layer.on('click', (e) => this.handlers.onClick(normalise(e.layer.properties), null, e.originalEvent));
    return layer;
  }

  bind(layer, props) {
    layer.on('mouseover', (e) => this.hover(layer, props, e.latlng));
    layer.on('mouseout', () => this.unhover());
    layer.on('click', (e) => this.handlers.onClick(normalise(props), layer.getBounds(), e.originalEvent));
  }

  /** Fill for one code, from the current styleFor; polygons carry no stroke in vector tiles (borders do). */
  featureStyle(code) {
    const s = this.styleFor(code);
    const vector = this.vector;
    return {
      fill: true,
      fillColor: s.fillColor,
      fillOpacity: s.fillOpacity ?? 0.9,
      stroke: !vector,
      color: '#ffffff',
      weight: this.levels.isTop(this.level) ? 1 : 0.7,
      opacity: 1,
    };
  }

  /** Restyles every shape from a new `styleFor(code) → {fillColor, fillOpacity}`; no request is made. */
  recolour(styleFor, codes) {
    this.styleFor = styleFor;
    if (!this.active) return;
    if (this.vector) {
      for (const code of codes) {
        this.active.setFeatureStyle(Number(code), { [this.level]: this.featureStyle(code) });
      }
    } else {
      this.active.setStyle((f) => this.featureStyle(f.properties.code));
    }
  }

  hover(layer, props, latlng) {
    const p = normalise(props);
    this.unhover();
    this.highlighted = { layer, code: p.code };
    const hi = { ...this.featureStyle(p.code), stroke: true, color: '#111', weight: 3 };
    if (this.vector) this.active.setFeatureStyle(Number(p.code), { [this.level]: hi });
    else {
      layer.setStyle(hi);
      layer.bringToFront();
    }
    this.handlers.onHover(p, latlng);
  }

  unhover() {
    const h = this.highlighted;
    if (h) {
      if (this.vector) {
        this.active.setFeatureStyle(Number(h.code), { [this.level]: this.featureStyle(h.code) });
      } else if (this.active) {
        this.active.resetStyle(h.layer);
      }
    }
    this.highlighted = null;
    this.handlers.onHover(null);
  }
}

/** Vector-tile properties carry codes as numbers or strings depending on the encoder; use strings. */
function normalise(p) {
  return { code: String(p.code), name_th: p.name_th, name_en: p.name_en, parent_code: p.parent_code ?? null };
}


