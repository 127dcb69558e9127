package org.phaenthi.server.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;
import java.util.List;
import javax.management.ObjectName;

/** Live heap after full collections, and the classes that hold it (for the heap benchmarks). */
final class HeapMeter {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private HeapMeter() {}

  /** Bytes of heap in use after repeated full GCs, once two in a row agree within 1 MiB. */
  static long liveBytes() {
    long last = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      System.gc();
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      long used = MEMORY.getHeapMemoryUsage().getUsed();
      if (i >= 2 && Math.abs(used - last) < (1 << 20)) {
        return used;
      }
      last = used;
    }
    return last;
  }

  static String mib(long bytes) {
    return String.format("%,.0f MiB", bytes / 1048576.0);
  }

  /**
   * The first {@code rows} rows of {@code jcmd GC.class_histogram} of this JVM (a full GC first),
   * so a figure comes with what fills it.
   */
  static List<String> histogram(int rows) {
    try {
      Object out =
          ManagementFactory.getPlatformMBeanServer()
              .invoke(
                  new ObjectName("com.sun.management:type=DiagnosticCommand"),
                  "gcClassHistogram",
                  new Object[] {new String[0]},
                  new String[] {String[].class.getName()});
      List<String> lines = Arrays.asList(out.toString().split("\n"));
      return lines.subList(0, Math.min(lines.size(), rows + 2));
    } catch (Exception e) {
      return List.of("(no class histogram: " + e + ")");
    }
  }
}
