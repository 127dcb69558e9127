package org.phaenthi.server.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;

class TopologyBuilderTest {
  final WKTReader wkt = new WKTReader();

  TopologyBuilder.Topology topology(String... polygons) throws Exception {
    TopologyBuilder b = new TopologyBuilder(0, 0, 1);
    for (String p : polygons) {
      b.add(wkt.read(p));
    }
    return b.build();
  }

  @Test
  void twoNeighboursShareTheirBorderArcOnceOneReversed() throws Exception {
    // A and B share the edge (1 0)-(1 1); both written clockwise on purpose: output is CCW.
    var t = topology("POLYGON ((0 0, 0 1, 1 1, 1 0, 0 0))", "POLYGON ((1 0, 1 1, 2 1, 2 0, 1 0))");
    int[] a = t.geometries().get(0)[0][0];
    int[] b = t.geometries().get(1)[0][0];
    assertEquals(2, a.length, Arrays.toString(a));
    assertEquals(2, b.length, Arrays.toString(b));
    int shared = -1;
    for (int ra : a) {
      for (int rb : b) {
        if (ra == ~rb) {
          shared = Math.max(ra, rb);
        }
      }
    }
    assertTrue(
        shared >= 0,
        "same arc, one forwards one reversed: " + Arrays.toString(a) + " " + Arrays.toString(b));
    long[] arc = t.arcs().get(shared);
    assertEquals(2, arc.length);
    assertEquals(3, t.arcs().size(), "shared border + two outer arcs");
  }

  @Test
  void threeAreasMeetingCutAtTheTriplePoint() throws Exception {
    var t =
        topology(
            "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))",
            "POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))",
            "POLYGON ((0 1, 1 1, 2 1, 2 2, 0 2, 0 1))");
    // arcs: A|B, A|C, B|C, and the outer edge of each = 6
    assertEquals(6, t.arcs().size());
    for (var g : t.geometries()) {
      assertEquals(3, g[0][0].length);
    }
  }

  @Test
  void anEnclaveIsOneClosedArcSharedWithItsHole() throws Exception {
    var t =
        topology(
            "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 1 2, 2 2, 2 1, 1 1))",
            "POLYGON ((1 1, 2 1, 2 2, 1 2, 1 1))");
    int hole = t.geometries().get(0)[0][1][0];
    int enclave = t.geometries().get(1)[0][0][0];
    assertEquals(hole, ~enclave);
    assertEquals(2, t.arcs().size());
  }
}
