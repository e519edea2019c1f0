/**
 * The scenario player: a {@link se.samband.demo.play.Stage} of agencies ({@link se.samband.demo.play.Agency}, each a
 * case system acting through its own connector), notices followed through their sender's connector
 * ({@link se.samband.demo.play.TrackedNotice}), the timeline and the outcomes DOMAIN.md asks for.
 */
package se.samband.demo.play;
