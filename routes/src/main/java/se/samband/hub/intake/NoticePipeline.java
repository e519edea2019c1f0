package se.samband.hub.intake;

/**
 * Steps 1–7 of the hub pipeline for one submission (admit, verify, route, decide, and the plan for
 * dispatch, record and watch), without touching the broker: the caller writes the returned plan in the
 * same JMS transaction that consumed the submission (or, for REST, in one transaction of its own).
 * A refusal is a result, not an exception; an exception means a transient failure (redeliver).
 */
public interface NoticePipeline {
    PipelineResult process(Submission submission);

    /**
     * Call once the transaction that wrote {@code result}'s plan has committed (never after a rollback): the
     * pipeline then refuses a resend of the same notice id as a replay without asking the database, and lets a
     * copy that waits for this one go on (to that refusal).
     */
    default void committed(PipelineResult result) {
    }

    /**
     * Call when the transaction that was to write {@code result}'s plan rolled back, or {@link #process} was
     * followed by no transaction at all: another copy of the notice (its redelivery) may then be processed. Every
     * result gets exactly one of {@link #committed} and this.
     */
    default void abandoned(PipelineResult result) {
    }

    /** How long writing a plan to the broker took (step 5–7), for the pipeline's observer; nothing by default. */
    default void dispatchTimed(long nanos) {
    }
}
