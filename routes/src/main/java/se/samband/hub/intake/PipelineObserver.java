package se.samband.hub.intake;

/**
 * What the pipeline tells whoever watches it (the hub's metrics): how long each step took, and each plan once its
 * transaction has committed. Called on the pipeline's own thread, so an implementation must only count (no I/O,
 * no database): a rolled-back attempt reports its steps but never {@link #committed}.
 */
public interface PipelineObserver {
    /** Watches nothing: the pipeline without metrics (tests, tools). */
    PipelineObserver NONE = new PipelineObserver() {
    };

    /** The steps whose latency is reported, in pipeline order (README "The hub pipeline"). */
    enum Step { ADMIT, VERIFY, ROUTE, DECIDE, PLAN, DISPATCH }

    /** One step of one submission took {@code nanos}. */
    default void stepTimed(Step step, long nanos) {
    }

    /** The plan of {@code result} is on the broker: count what it led to. */
    default void committed(PipelineResult result) {
    }
}
