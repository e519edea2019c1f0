package se.samband.connector.file;

import java.nio.file.Path;
import org.apache.camel.builder.RouteBuilder;

/**
 * Watches the drop folder for {@code *.csv} release lists. A file is taken once it has stopped changing, processed
 * by {@link ReleaseLists}, and then moved to {@code processed/} (with a time stamp, so a file of the same name can be
 * dropped again). If processing fails (the hub cannot be reached) the file stays where it is and is tried again.
 */
public class ReleaseListRoute extends RouteBuilder {
    public static final String ROUTE_ID = "connector-release-lists";
    private final Path folder;
    private final long pollMillis;
    private final ReleaseLists releaseLists;

    public ReleaseListRoute(Path folder, long pollMillis, ReleaseLists releaseLists) {
        this.folder = folder;
        this.pollMillis = pollMillis;
        this.releaseLists = releaseLists;
    }

    @Override
    public void configure() {
        fromF("file:%s?include=.*\\.csv&readLock=changed&readLockCheckInterval=500&readLockMinAge=500"
                + "&delay=%d&move=processed/${file:name.noext}-${date:now:yyyyMMddHHmmssSSS}.${file:ext}",
                folder.toAbsolutePath(), pollMillis)
                .routeId(ROUTE_ID)
                .process(exchange -> releaseLists.process(
                        exchange.getMessage().getHeader("CamelFileNameOnly", String.class),
                        exchange.getMessage().getMandatoryBody(byte[].class)));
    }
}
