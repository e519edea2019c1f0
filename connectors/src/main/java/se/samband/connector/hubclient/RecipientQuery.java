package se.samband.connector.hubclient;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import se.samband.notice.ParticipantKind;

/** "Which participants serve this?": a kind and at least one of municipality, region, HSA-id or service. */
public record RecipientQuery(ParticipantKind kind, String municipality, String region, String hsaId, String service) {

    /** The directory API's query string, e.g. {@code kind=SOCIALTJANST&municipality=2183}. */
    public String queryString() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("kind", kind.name());
        parameters.put("municipality", municipality);
        parameters.put("region", region);
        parameters.put("hsaId", hsaId);
        parameters.put("service", service);
        return parameters.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
