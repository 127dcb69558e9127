package org.phaenthi.boundaries.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.phaenthi.boundaries.AdminLevel;
import org.phaenthi.boundaries.Area;
import org.phaenthi.boundaries.AreaCodes;
import org.phaenthi.boundaries.Boundaries;
import org.phaenthi.boundaries.CodeRemaps;
import org.phaenthi.boundaries.SharedData;
import org.phaenthi.boundaries.TestData;
import org.phaenthi.boundaries.coverage.BandGeometry;
import org.phaenthi.boundaries.coverage.CoverageBandBuilder;
import org.phaenthi.boundaries.coverage.LevelBands;

/**
 * The bundled files as vintage rtsd-2019 on the real data: ท่าแฝก's 2019 polygon 530306 becomes
 * subdistrict 530407 under อ.น้ำปาด 5304, อ.ท่าปลา 5303 and อ.น้ำปาด 5304 are dissolved again from
 * their subdistricts, the district level stays a valid coverage in every gap-free band, and every
 * unit of TPMAP's published files lies on a polygon.
 */
@SharedData
class BundledVintageTest {
  private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);
  private static final Set<String> CHANGED = Set.of("5303", "5304", "530407");
  private static Map<String, Area> asFiled;
  private static BoundaryLoader.Result loaded;
  private static Boundaries moved;

  @BeforeAll
  static void load() {
    List<Path> files = BoundaryLoader.DEFAULT_FILES.stream().map(TestData.dir()::resolve).toList();
    BoundaryLoader.Result plain =
        new BoundaryLoader(PropertyMapping.DEFAULT, CodeRemaps.NONE).load(files);
    List<Area> all =
        AdminLevel.standard().stream().flatMap(l -> plain.boundaries().areas(l).stream()).toList();
    asFiled = new HashMap<>();
    all.forEach(a -> asFiled.put(a.code(), a));
    // what the importer loads for the bundled files
    loaded =
        new DatasetImporter(TestData.dir(), List.of(), PropertyMapping.DEFAULT).loadBoundaries();
    moved = loaded.boundaries();
  }

  @Test
  void thaFaekIsSubdistrict530407UnderNamPatWithItsNamesAndShape() {
    Area before = filed("530306");
    Area after = moved.area("530407").orElseThrow();
    assertEquals("5304", after.parentCode());
    assertEquals(AdminLevel.SUBDISTRICT, after.level());
    assertEquals("ท่าแฝก", after.nameTh());
    assertEquals("Tha Faek", after.nameEn());
    assertTrue(before.geometry().equalsExact(after.geometry()), "the 2019 shape");
    assertTrue(moved.area("530306").isEmpty());
    assertEquals(7, moved.children(AdminLevel.SUBDISTRICT, "5303").size());
    assertEquals(7, moved.children(AdminLevel.SUBDISTRICT, "5304").size());
    assertEquals(7_425, moved.count(AdminLevel.SUBDISTRICT));
    assertEquals(928, moved.count(AdminLevel.DISTRICT));
    assertEquals(Optional.of("rtsd-2019"), loaded.vintage());
    assertEquals(1L, loaded.counts().get("areasMoved"));
    assertEquals(2L, loaded.counts().get("areasRedissolved"));
  }

  @Test
  void theTwoDistrictsAreDissolvedAgainAndNothingElseChanges() {
    Geometry thaFaek = filed("530306").geometry();
    Geometry thaPla = moved.area("5303").orElseThrow().geometry();
    Geometry namPat = moved.area("5304").orElseThrow().geometry();
    double km2 = 1e-4; // about a square kilometre in degrees² at 18° N is 8.6e-5
    assertEquals(filed("5303").geometry().getArea() - thaFaek.getArea(), thaPla.getArea(), 1e-9);
    assertEquals(filed("5304").geometry().getArea() + thaFaek.getArea(), namPat.getArea(), 1e-9);
    assertTrue(thaFaek.getArea() > 100 * km2, "a real tambon: " + thaFaek.getArea());
    assertFalse(thaPla.intersects(thaFaek.getInteriorPoint()));
    assertTrue(namPat.covers(thaFaek));
    // together they cover exactly what the two filed districts covered
    Geometry before = filed("5303").geometry().union(filed("5304").geometry());
    Geometry after = thaPla.union(namPat);
    assertEquals(0, before.symDifference(after).getArea(), 1e-12);
    for (String d : List.of("5303", "5304")) {
      Geometry children =
          BoundaryMoves.dissolve(
              moved.children(AdminLevel.SUBDISTRICT, d).stream().map(Area::geometry).toList(),
              FACTORY);
      Geometry g = moved.area(d).orElseThrow().geometry();
      assertTrue(g.isValid(), d);
      assertEquals(0, g.symDifference(children).getArea(), 1e-12, d);
    }
    for (AdminLevel level : AdminLevel.standard()) {
      for (Area a : moved.areas(level)) {
        if (!CHANGED.contains(a.code())) {
          assertTrue(filed(a.code()).geometry().equalsExact(a.geometry()), a.code());
        }
      }
    }
  }

  @Test
  void theDistrictLevelIsStillAValidCoverageInEveryGapFreeBand() {
    List<Area> districts = moved.areas(AdminLevel.DISTRICT);
    Geometry[] source = districts.stream().map(Area::geometry).toArray(Geometry[]::new);
    assertEquals(0, invalid(CoverageValidator.validate(source)), "unsimplified districts");
    long t0 = System.nanoTime();
    LevelBands bands = CoverageBandBuilder.build(AdminLevel.DISTRICT, districts);
    System.out.printf(
        Locale.ROOT,
        "district bands of rtsd-2019 after the move built in %d ms%n",
        (System.nanoTime() - t0) / 1_000_000);
    for (BandGeometry b : bands.bands()) {
      assertEquals(928, b.areas().size(), "areas in " + b.band());
      assertFalse(b.areas().get("5303").isEmpty(), "5303 in " + b.band());
      assertFalse(b.areas().get("5304").isEmpty(), "5304 in " + b.band());
      Geometry[] band = b.areas().values().toArray(new Geometry[0]);
      assertEquals(0, invalid(CoverageValidator.validate(band)), "invalid edges in " + b.band());
    }
  }

  @Test
  void everyUnitOfTheTpmapFilesLiesOnAPolygon() throws IOException {
    Path dir = TestData.dir().resolve("indicators/real/tpmap-2561");
    Map<String, AdminLevel> files =
        Map.of(
            "61_province_common.csv", AdminLevel.PROVINCE,
            "61_amphur_common.csv", AdminLevel.DISTRICT,
            "61_tambol_common.csv", AdminLevel.SUBDISTRICT);
    int units = 0;
    TreeSet<String> offMap = new TreeSet<>();
    for (Map.Entry<String, AdminLevel> f : files.entrySet()) {
      List<String> lines = Files.readAllLines(dir.resolve(f.getKey()));
      for (String line : lines.subList(1, lines.size())) {
        String code = line.substring(0, line.indexOf(',')).replace("\"", "");
        if (f.getValue() == AdminLevel.SUBDISTRICT
            && AreaCodes.isMunicipalPseudoSubdistrict(code)) {
          continue; // municipal units have no polygon by design; they count in their district
        }
        units++;
        Optional<Area> a = moved.area(loaded.remaps().remap(code));
        if (a.isEmpty() || a.get().level() != f.getValue()) {
          offMap.add(code);
        }
      }
    }
    assertEquals(76 + 878 + 6_995, units);
    assertEquals(new TreeSet<>(), offMap, "TPMAP units without a polygon");
  }

  @Test
  void userFilesThatNameTheVintageGetItsMovesAndOthersGetNone() {
    assertEquals(
        Optional.of("rtsd-2019"),
        new DatasetImporter(
                TestData.dir(),
                List.of(TestData.fixture83()),
                PropertyMapping.parse("vintage=rtsd-2019"))
            .remaps()
            .vintage());
    assertSame(
        CodeRemaps.NONE,
        new DatasetImporter(TestData.dir(), List.of(TestData.fixture83()), PropertyMapping.DEFAULT)
            .remaps());
    assertEquals(
        Optional.of("rtsd-2019"),
        new DatasetImporter(TestData.dir(), List.of(), PropertyMapping.DEFAULT).remaps().vintage(),
        "the bundled files are rtsd-2019");
  }

  private static Area filed(String code) {
    return Optional.ofNullable(asFiled.get(code)).orElseThrow();
  }

  private static long invalid(Geometry[] result) {
    return Arrays.stream(result).filter(g -> g != null).count();
  }
}
