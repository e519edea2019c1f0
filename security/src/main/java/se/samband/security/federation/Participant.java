package se.samband.security.federation;

import java.util.List;
import se.samband.notice.ParticipantId;
import se.samband.notice.ParticipantKind;

/**
 * One participant of the federation: a function address of an organisation, never a person.
 *
 * @param municipalities      kommunkoder served (4 digits)
 * @param regions             county codes served (2 digits, e.g. 21 Gävleborg)
 * @param services            what the function offers, e.g. VIOLENCE_RECEPTION, PSYCHIATRY
 * @param hsaId               required for healthcare units
 * @param dataProtectionLaw   which law governs the sender's processing (GDPR or brottsdatalagen)
 * @param certificate         path of its certificate relative to the trust directory; null means
 *                            {@code participants/<id>.crt}
 */
public record Participant(
        ParticipantId id,
        ParticipantKind kind,
        String name,
        String organisationsnummer,
        String hsaId,
        List<String> municipalities,
        List<String> regions,
        List<String> services,
        DataProtectionLaw dataProtectionLaw,
        String certificate,
        Delivery delivery,
        EscalationContact escalation) {

    public Participant {
        municipalities = municipalities == null ? List.of() : List.copyOf(municipalities);
        regions = regions == null ? List.of() : List.copyOf(regions);
        services = services == null ? List.of() : List.copyOf(services);
        delivery = delivery == null ? Delivery.JMS_DEFAULT : delivery;
    }

    /** Certificate path relative to the trust directory. */
    public String certificatePath() {
        return certificate != null ? certificate : "participants/" + id.value() + ".crt";
    }

    /** True when the participant serves this municipality, directly or through its county. */
    public boolean serves(String kommunkod) {
        return municipalities.contains(kommunkod) || regions.contains(kommunkod.substring(0, 2));
    }

    public enum DataProtectionLaw { GDPR, BROTTSDATALAGEN }

    /** How the hub delivers to this participant. */
    public record Delivery(Channel channel, String url, String directory) {
        static final Delivery JMS_DEFAULT = new Delivery(Channel.JMS, null, null);

        public enum Channel { JMS, REST, FILE }
    }

    /** Who hears of an overdue handover: a participant (often the same) and the function there. */
    public record EscalationContact(ParticipantId participant, String function) {
    }
}
