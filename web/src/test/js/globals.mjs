// The browser globals the app's modules read at load time (lib.js), for running them under node:
// simple-statistics for real, Leaflet as a stub (only the classes' definitions touch it).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
globalThis.document = { documentElement: {} };
globalThis.window = {
  ss: require('../../../node_modules/simple-statistics/dist/simple-statistics.cjs'),
  L: { Control: { extend: (proto) => proto }, DomEvent: {}, DomUtil: {}, Canvas: {} },
};
