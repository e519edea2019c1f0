package se.samband.hub.timeline;

import java.util.List;

/**
 * A case timeline: the audit entries in chain order. {@code truncated} when the question matched more notices than
 * one answer holds ({@link CaseTimeline#MAX_NOTICES}): ask by notice or a narrower subject then.
 */
public record Timeline(TimelineQuery.Kind query, int notices, boolean truncated, List<TimelineEntry> entries) {
}
