package se.samband.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The disk a run's brokers write their journals to, said before the run starts. A run that does not account for
 * every notice keeps its data directory for diagnosis, and a ten-minute one at 1,000 notices/s kept 33 GB. Artemis
 * blocks every producer once its disk is {@value #BROKER_BLOCKS_AT_PERCENT} % full (its {@code max-disk-usage}), so
 * the next run's senders would stall on "address is blocked" with no hint why: this names the directories earlier
 * runs left and warns before the broker would block. The share used is counted as Artemis counts it (1 - usable /
 * total space), which reads higher than {@code df} where the file system reserves blocks.
 */
record WorkDisk(long totalBytes, long usableBytes, List<Leftover> leftovers) {
    /** Artemis' default {@code max-disk-usage}, which the hub and the baseline broker keep. */
    static final int BROKER_BLOCKS_AT_PERCENT = 90;
    /** Used share at which the report turns into a warning: a long run writes tens of GB. */
    static final int WARN_AT_PERCENT = 75;
    /** The prefix of the temporary work directories {@link BenchMain} creates. */
    static final String RUN_DIR_PREFIX = "samband-bench-";

    /** An earlier run's kept directory and its size, {@link #UNKNOWN} where it could not be read. */
    record Leftover(Path dir, long bytes) {
        static final long UNKNOWN = -1;
    }

    WorkDisk {
        leftovers = List.copyOf(leftovers);
    }

    /**
     * Reads the disk that holds {@code work} and the earlier runs' directories beside it (same parent, same prefix,
     * not {@code work} itself).
     */
    static WorkDisk of(Path work) throws IOException {
        Path own = work.toAbsolutePath().normalize();
        FileStore store = Files.getFileStore(own);
        List<Leftover> leftovers = new ArrayList<>();
        Path parent = own.getParent();
        if (parent != null) {
            try (Stream<Path> siblings = Files.list(parent)) {
                for (Path dir : siblings.filter(Files::isDirectory)
                        .filter(dir -> dir.getFileName().toString().startsWith(RUN_DIR_PREFIX))
                        .filter(dir -> !dir.equals(own)).sorted().toList()) {
                    leftovers.add(new Leftover(dir, sizeOf(dir)));
                }
            }
        }
        return new WorkDisk(store.getTotalSpace(), store.getUsableSpace(), leftovers);
    }

    int usedPercent() {
        return totalBytes == 0 ? 0 : (int) Math.round(100.0 * (totalBytes - usableBytes) / totalBytes);
    }

    boolean nearlyFull() {
        return usedPercent() >= WARN_AT_PERCENT;
    }

    /** One line on the disk, a second naming earlier runs' directories if there are any. */
    List<String> report() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%sdisk of the work dir: %.1f GB free of %.1f GB (%d %% used; the brokers "
                        + "block their senders at %d %%)", nearlyFull() ? "WARNING: " : "", gigabytes(usableBytes),
                gigabytes(totalBytes), usedPercent(), BROKER_BLOCKS_AT_PERCENT));
        if (!leftovers.isEmpty()) {
            lines.add("  earlier runs' data kept beside it (delete what is no longer needed): " + leftovers.stream()
                    .map(leftover -> leftover.dir() + " (" + size(leftover.bytes()) + ")")
                    .collect(Collectors.joining(", ")));
        }
        return lines;
    }

    /** "33.0 GB", or "3 MB" below a gigabyte. */
    private static String size(long bytes) {
        if (bytes == Leftover.UNKNOWN) {
            return "size unknown";
        }
        return bytes >= 1_000_000_000L ? String.format(Locale.ROOT, "%.1f GB", gigabytes(bytes))
                : String.format(Locale.ROOT, "%d MB", Math.round(bytes / 1e6));
    }

    private static double gigabytes(long bytes) {
        return bytes / 1e9;
    }

    /** The bytes of the files under {@code dir}, not following links; {@link Leftover#UNKNOWN} if unreadable. */
    private static long sizeOf(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)).mapToLong(file -> {
                try {
                    return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).size();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            // Unreadable, or deleted while it was measured by a run cleaning up: named all the same.
            return Leftover.UNKNOWN;
        }
    }
}
