package org.phaenthi.server;

/** Entry point placeholder; replaced by the real start-up below. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("phaenthi");
  }
}
