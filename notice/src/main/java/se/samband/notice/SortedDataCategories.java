package se.samband.notice;

import com.fasterxml.jackson.databind.util.StdConverter;
import java.util.List;
import java.util.Set;

/**
 * Writes data categories in enum order. {@code Set.copyOf} iterates in an order that changes from JVM
 * to JVM, and a signed header must come out byte-for-byte the same for the same content.
 */
final class SortedDataCategories extends StdConverter<Set<DataCategory>, List<DataCategory>> {
    @Override
    public List<DataCategory> convert(Set<DataCategory> value) {
        return value.stream().sorted().toList();
    }
}
