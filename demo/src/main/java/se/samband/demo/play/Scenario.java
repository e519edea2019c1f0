package se.samband.demo.play;

/**
 * One of the eight scenarios of DOMAIN.md, played by agencies' case systems through their connectors. A scenario
 * states what DOMAIN.md says must come of it with {@link Stage#expect}; the player records whether it did.
 */
public interface Scenario {

    /** 1..8, as numbered in DOMAIN.md. */
    int number();

    /** The title, e.g. "Bollnäs, release". */
    String title();

    /** What DOMAIN.md says happens, in one sentence. */
    String story();

    void play(Stage stage);
}
