// The classic-script libraries (Leaflet WebJar, leaflet.vectorgrid and simple-statistics from npm) put
// themselves on window; this is the one module that reads those globals, so the rest import them.
export const L = window.L;
export const ss = window.ss;

// leaflet.vectorgrid 1.3.0 calls L.DomEvent.fakeStop, which Leaflet 1.8 removed; without it a click on a
// vector-tile feature throws. Stopping the DOM event keeps the map from also treating it as a map click.
if (L && !L.DomEvent.fakeStop) {
  L.DomEvent.fakeStop = (e) => L.DomEvent.stopPropagation(e);
}
