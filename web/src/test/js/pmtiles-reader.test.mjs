// The server's PMTiles export read by the `pmtiles` npm package, the reader MapLibre and the static bundle use,
// over HTTP range requests from the running server. PmtilesExportTest (server module) starts the server, writes
// the expected tiles (the server's own /tiles/...mvt bytes) and runs this file with PHAENTHI_PMTILES_URL and
// PHAENTHI_PMTILES_EXPECTED set; without them (the web module's own test run) it is skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const url = process.env.PHAENTHI_PMTILES_URL;
const expectedFile = process.env.PHAENTHI_PMTILES_EXPECTED;

test('pmtiles reads header, metadata, directories and tiles equal to the server tiles', { skip: !url }, async () => {
  const { PMTiles, FetchSource, zxyToTileId } = await import('pmtiles');
  const expected = JSON.parse(readFileSync(expectedFile, 'utf8'));
  const archive = new PMTiles(new FetchSource(url));
  const h = await archive.getHeader();
  assert.equal(h.specVersion, 3);
  assert.equal(h.tileType, 1, 'MVT');
  assert.equal(h.tileCompression, 2, 'gzip');
  assert.equal(h.clustered, true);
  assert.equal(h.minZoom, expected.minzoom);
  assert.equal(h.maxZoom, expected.maxzoom);
  assert.equal(Number(h.numAddressedTiles), expected.tiles.filter((t) => t.mvt).length);
  const meta = await archive.getMetadata();
  assert.equal(meta.vector_layers[0].id, expected.level);
  for (const [z, x, y, id] of expected.ids) assert.equal(zxyToTileId(z, x, y), id, `tile id of ${z}/${x}/${y}`);
  let compared = 0;
  for (const t of expected.tiles) {
    const r = await archive.getZxy(t.z, t.x, t.y);
    if (!t.mvt) {
      assert.equal(r, undefined, `no tile ${t.z}/${t.x}/${t.y} (the server answers 204)`);
      continue;
    }
    assert.ok(r, `tile ${t.z}/${t.x}/${t.y} present`);
    assert.equal(Buffer.from(r.data).toString('base64'), t.mvt, `tile ${t.z}/${t.x}/${t.y} bytes`);
    compared++;
  }
  assert.ok(compared > 10, `compared ${compared} tiles`);
});
