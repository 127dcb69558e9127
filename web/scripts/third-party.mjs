// Writes META-INF/THIRD-PARTY-web.txt: every npm package the web app ships (package-lock.json, no
// dev packages), with its version and licence, plus Leaflet (a WebJar, also in the Java list).
// Run by Maven after `npm ci` (generate-resources); fails when a package declares no licence.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [, , outFile] = process.argv;
if (!outFile) {
  console.error('usage: node scripts/third-party.mjs OUTPUT_FILE');
  process.exit(2);
}
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const rows = [];
for (const [path, pkg] of Object.entries(lock.packages)) {
  if (path === '' || pkg.dev) continue;
  const name = path.replace(/^.*node_modules\//, '');
  const own = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8'));
  const licence = own.license || pkg.license;
  if (!licence) {
    console.error(`third-party: ${name} declares no licence`);
    process.exit(1);
  }
  rows.push(`     (${licence}) ${name} ${own.version}${own.homepage ? ' - ' + own.homepage : ''}`);
}
rows.sort();
const text = [
  `Lists of ${rows.length} third-party npm packages in the web app (phaenthi-web/vendor).`,
  'Leaflet comes as the WebJar org.webjars.npm:leaflet (see META-INF/THIRD-PARTY.txt).',
  'The Sarabun font files are under the SIL Open Font License 1.1 (vendor/sarabun/LICENSE).',
  '',
  ...rows,
  '',
].join('\n');
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, text);
