package se.samband.demo.play;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The agencies of the demo federation that play a part in the scenarios, each with a short name for the timeline.
 * Each gets a connector of its own; the rest of the federation (deploy/demo/federation.yaml) stays idle.
 */
public final class Cast {
    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("kriminalvarden.frivard-gavle", "Frivården Gävle");
        NAMES.put("socialtjanst.bollnas", "Trygghetens hus Bollnäs");
        NAMES.put("polisen.gavleborg", "Polisen Bollnäs");
        NAMES.put("region.bollnas-halsocentral", "Bollnäs hälsocentral");
        NAMES.put("region.gavleborg-psykiatri", "Psykiatrin Gävleborg");
        NAMES.put("socialtjanst.jonkoping", "Socialtjänsten Jönköping");
        NAMES.put("polisen.jonkoping", "Polisen Jönköping");
        NAMES.put("kriminalvarden.frivard-jonkoping", "Frivården Jönköping");
        NAMES.put("socialtjanst.varberg", "Socialtjänsten Varberg");
        NAMES.put("samverkan.halland-gruppprogram", "Hallands gruppprogram");
        NAMES.put("kriminalvarden.frivard-skovde", "Frivården Skövde");
        NAMES.put("region.utvag-skaraborg", "Utväg Skaraborg");
        NAMES.put("polisen.halland", "Polisen Halland");
        NAMES.put("socialtjanst.halmstad", "Socialtjänsten Halmstad");
        NAMES.put("socialtjanst.falkoping", "Socialtjänsten Falköping");
        NAMES.put("socialtjanst.skovde", "Socialjouren Skaraborg");
    }

    private Cast() {
    }

    /** The participant ids that need a running connector, in the order they are started. */
    public static Set<String> participants() {
        return NAMES.keySet();
    }

    /** The short name of a participant for the timeline; the id itself for anyone else (the hub). */
    public static String name(String participantId) {
        if ("samband.hub".equals(participantId)) {
            return "hub";
        }
        return NAMES.getOrDefault(participantId, participantId);
    }
}
