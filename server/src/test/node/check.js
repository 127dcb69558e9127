// Validates GeoJSON files with an independent RFC 7946 checker; prints "OK <file>" or the issues.
// Usage: node check.js FILE...   Exit code 1 when any file has issues.
const fs = require('fs');
const { getIssues } = require('@placemarkio/check-geojson');
let bad = 0;
for (const file of process.argv.slice(2)) {
  const issues = getIssues(fs.readFileSync(file, 'utf8'));
  if (issues.length === 0) {
    console.log('OK ' + file);
  } else {
    bad++;
    console.log('FAIL ' + file + ' ' + JSON.stringify(issues.slice(0, 5)));
  }
}
process.exit(bad ? 1 : 0);
