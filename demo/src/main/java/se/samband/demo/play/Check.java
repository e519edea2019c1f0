package se.samband.demo.play;

/** One outcome DOMAIN.md asks for, and whether the connectors reported it. */
public record Check(String what, String expected, String actual, boolean passed) {
}
