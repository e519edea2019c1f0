package se.samband.hub.api;

import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import se.samband.hub.dispatch.DispatchWriter;
import se.samband.hub.handover.HandoverStore;
import se.samband.hub.intake.NoticePipeline;
import se.samband.hub.intake.PipelineProperties;
import se.samband.hub.web.AuthenticatedParticipant;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/** The notice API's beans; the pipeline is resolved on the first request, once the hub's trust is in place. */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {
    /** Where the transport's certificate filter puts the authenticated participant. */
    static final String PARTICIPANT_ATTRIBUTE = AuthenticatedParticipant.REQUEST_ATTRIBUTE;

    @Bean
    ApiCaller apiCaller() {
        return request -> {
            if (request.getAttribute(PARTICIPANT_ATTRIBUTE) instanceof ParticipantId participant) {
                return participant;
            }
            throw new SambandException(ErrorCode.SENDER_UNKNOWN, "no authenticated participant on this request");
        };
    }

    @Bean
    NoticeController noticeController(@Lazy NoticePipeline pipeline, DispatchWriter writer,
                                      ConnectionFactory connectionFactory, HandoverStore handovers, ApiCaller caller,
                                      Clock clock, PipelineProperties limits) {
        return new NoticeController(pipeline, writer, connectionFactory, handovers, caller, clock,
                limits.maxContainerBytes());
    }
}
