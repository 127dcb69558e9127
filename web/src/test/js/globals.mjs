// The browser globals the app's modules read at load time, for running them under node:
// simple-statistics for real; Leaflet, the document and a 2D canvas as stubs (only module set-up
// touches them: control class definitions and the no-data hatch pattern).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const context2d = new Proxy({}, { get: (target, key) => (key in target ? target[key] : () => {}), set: () => true });
globalThis.document = {
  documentElement: {},
  createElement: () => ({ getContext: () => context2d, toDataURL: () => 'data:image/png;base64,' }),
  querySelector: () => null,
};
globalThis.window = {
  ss: require('../../../node_modules/simple-statistics/dist/simple-statistics.cjs'),
  L: { Control: { extend: (proto) => proto }, DomEvent: {}, DomUtil: {}, Canvas: {} },
};
