// The administrative levels as the server declares them (GET /api/levels): names in Thai and English,
// code digits, parent and child. The app knows no level by name and no code length; everything it needs
// about the hierarchy (pickers, drill-down, going up, breadcrumb, URL checks, ancestors of a code) is
// asked here. A level with `geometry: "none"` (values only, such as villages) is never a map level; a
// level without the field has polygons.

/** Levels with more areas than this are drawn from vector tiles rather than as GeoJSON shapes. */
export const TILE_THRESHOLD = 2000;

export class Levels {
  /** @param list the `levels` array of /api/levels */
  constructor(list) {
    this.all = list;
    this.byName = new Map(list.map((l) => [l.level, l]));
    const onMap = (l) => (l.geometry ?? 'polygon') !== 'none';
    // map levels in hierarchy order, top first: follow `child` from the level whose parent is not a map level
    const top = list.find((l) => onMap(l) && !(l.parent && onMap(this.byName.get(l.parent) || {})));
    this.map = [];
    for (let l = top; l && onMap(l) && !this.map.includes(l); l = this.byName.get(l.child)) this.map.push(l);
    this.top = this.map[0] || null;
  }

  /** The level record of a map level by name, or null (unknown or values only). */
  get(name) {
    return this.map.find((l) => l.level === name) || null;
  }

  isMapLevel(name) {
    return this.get(name) !== null;
  }

  isTop(name) {
    return Boolean(this.top) && this.top.level === name;
  }

  /** Position from the top (0) of a map level; -1 when it is not one. */
  depth(name) {
    return this.map.findIndex((l) => l.level === name);
  }

  /** The map level below, or null at the bottom (a values-only child is not drilled into). */
  child(name) {
    const k = this.depth(name);
    return k >= 0 && k + 1 < this.map.length ? this.map[k + 1].level : null;
  }

  /** The map level above, or null at the top. */
  parent(name) {
    const k = this.depth(name);
    return k > 0 ? this.map[k - 1].level : null;
  }

  /** The map level whose codes have as many digits as `code`, or null. */
  ofCode(code) {
    return this.map.find((l) => l.code_digits === String(code || '').length) || null;
  }

  /** Codes of the map areas containing `code`, top first, ending with `code` itself when it is a map area. */
  ancestors(code) {
    const c = String(code || '');
    return this.map.filter((l) => l.code_digits <= c.length).map((l) => c.slice(0, l.code_digits));
  }

  /** The code of the parent area of `code`, or '' for a top-level area. */
  parentCode(code) {
    const level = this.ofCode(code);
    const parent = level && this.get(this.parent(level.level));
    return parent ? String(code).slice(0, parent.code_digits) : '';
  }

  /** Whether `area` ('' = the whole country) can hold the areas of `level`: it must be an area of a level above. */
  canContain(area, level) {
    if (!area) return true;
    const a = this.ofCode(area);
    return Boolean(a) && this.depth(a.level) < this.depth(level);
  }

  /** The area kept when switching to `level`: the old one cut to the new level's parent, '' at the top. */
  areaFor(level, area) {
    const parent = this.get(this.parent(level));
    if (!parent || !area) return '';
    const cut = String(area).slice(0, parent.code_digits);
    return this.canContain(cut, level) ? cut : '';
  }

  /** The values-only level (`geometry: "none"`, such as villages) whose parent is `name`, or null. */
  valuesOnlyChild(name) {
    return this.all.find((l) => l.parent === name && l.geometry === 'none') || null;
  }

  /** Whether a level is drawn from vector tiles (too many shapes for GeoJSON). */
  usesTiles(name) {
    const l = this.get(name);
    // a static bundle says which level its tile archive draws (`tiles`); the server leaves it to the counts
    return Boolean(l) && (l.tiles ?? (l.count ?? 0) > TILE_THRESHOLD);
  }
}
