package se.samband.connector.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import se.samband.notice.NoticeHeader;
import se.samband.notice.NoticeJson;
import se.samband.notice.Subject;
import se.samband.security.pki.PrivateKeyAccess;
import se.samband.security.seal.NoticeOpener;
import se.samband.security.seal.OpenedNotice;

/**
 * What the case system gets for a received notice: the header's routing facts and the opened payload (which holds
 * the persons' numbers and the sender's fields). Built from the sealed container each time, so nothing is stored in
 * plaintext.
 */
public class InboxItems {
    private final NoticeOpener opener;
    private final PrivateKeyAccess ownKey;
    private final NoticeJson json;
    private final ObjectMapper mapper = new ObjectMapper();

    public InboxItems(NoticeOpener opener, PrivateKeyAccess ownKey, NoticeJson json) {
        this.opener = opener;
        this.ownKey = ownKey;
        this.json = json;
    }

    public OpenedNotice open(byte[] container) {
        return opener.open(json.readContainer(container), ownKey);
    }

    public ObjectNode item(InboxStore.Row row) {
        OpenedNotice opened = open(row.container());
        NoticeHeader header = opened.header();
        ObjectNode item = mapper.createObjectNode();
        item.put("cursor", String.valueOf(row.seq()));
        item.put("noticeId", row.noticeId().toString());
        item.put("type", header.type().name());
        item.put("sender", header.sender().value());
        item.put("state", row.state().name());
        item.put("receivedAt", row.receivedAt().toString());
        putIfSet(item, "inReplyTo", header.inReplyTo());
        putIfSet(item, "purpose", header.purpose());
        putIfSet(item, "legalBasis", header.legalBasis() == null ? null : header.legalBasis().code());
        putIfSet(item, "consentId", header.legalBasis() == null ? null : header.legalBasis().consentId());
        putIfSet(item, "reasonCode", header.reasonCode());
        putIfSet(item, "caseRef", header.caseRef());
        putIfSet(item, "respondBy", header.respondBy());
        if (header.dataCategories() != null) {
            header.dataCategories().forEach(c -> item.withArray("dataCategories").add(c.name()));
        }
        item.put("protectedIdentity", header.protectedIdentity());
        if (header.subjects() != null) {
            for (Subject subject : header.subjects()) {
                item.withArray("subjects").addObject().put("role", subject.role().name())
                        .put("pseudonym", subject.pseudonym()).put("protectedIdentity", subject.protectedIdentity());
            }
        }
        try {
            JsonNode payload = mapper.readTree(opened.payload());
            item.set("payload", payload);
        } catch (IOException e) {
            item.put("payloadUnreadable", true);
        }
        return item;
    }

    private static void putIfSet(ObjectNode item, String field, Object value) {
        if (value != null) {
            item.put(field, value.toString());
        }
    }
}
