// The classic-script libraries (Leaflet WebJar, leaflet.vectorgrid and simple-statistics from npm) put
// themselves on window; this is the one module that reads those globals, so the rest import them.
export const L = window.L;
export const ss = window.ss;

// leaflet.vectorgrid 1.3.0 calls L.DomEvent.fakeStop, which Leaflet 1.8 removed; without it a click on a
// vector-tile feature throws. Stopping the DOM event keeps the map from also treating it as a map click.
if (L && !L.DomEvent.fakeStop) {
  L.DomEvent.fakeStop = (e) => L.DomEvent.stopPropagation(e);
}

// leaflet.vectorgrid hit-tests in layer pixels, which is wrong while the map sits at a fractional zoom
// (tiles of the integer zoom are CSS-scaled). Measuring against the tile canvas itself is right at any
// scale. Patched on the prototype before any tile exists, since tiles bind these handlers when created.
if (L && L.Canvas.Tile) {
  const tilePoint = (tile, e) => {
    const r = tile._container.getBoundingClientRect();
    const size = tile._size;
    return L.point(((e.clientX - r.left) * size.x) / r.width, ((e.clientY - r.top) * size.y) / r.height);
  };
  L.Canvas.Tile.prototype._onMouseMove = function onMouseMove(e) {
    if (!this._map || this._map.dragging.moving() || this._map._animatingZoom) return;
    this._handleMouseHover(e, tilePoint(this, e));
  };
  L.Canvas.Tile.prototype._onClick = function onClick(e) {
    const point = tilePoint(this, e);
    let clicked = null;
    for (const id in this._layers) {
      const layer = this._layers[id];
      if (layer.options.interactive && layer._containsPoint(point) && !this._map._draggableMoved(layer)) {
        clicked = layer;
      }
    }
    if (clicked) {
      L.DomEvent.stopPropagation(e);
      this._fireEvent([clicked], e);
    }
  };
}
