package se.samband.hub.officer;

import java.util.List;

/** One page of a list; {@code nextCursor} is null on the last page, else the value for {@code cursor=}. */
record Page<T>(List<T> items, String nextCursor) {
}
