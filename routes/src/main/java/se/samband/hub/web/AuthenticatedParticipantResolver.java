package se.samband.hub.web;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import se.samband.notice.ParticipantId;
import se.samband.notice.error.ErrorCode;
import se.samband.notice.error.SambandException;

/** Hands the participant authenticated by {@link ParticipantCertificateFilter} to {@link AuthenticatedParticipant}. */
class AuthenticatedParticipantResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(AuthenticatedParticipant.class)
                && ParticipantId.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        Object participant = webRequest.getAttribute(AuthenticatedParticipant.REQUEST_ATTRIBUTE,
                RequestAttributes.SCOPE_REQUEST);
        if (participant instanceof ParticipantId id) {
            return id;
        }
        // A handler outside the filter's paths asked for a participant: refuse rather than run unauthenticated.
        throw new SambandException(ErrorCode.SENDER_UNKNOWN, "no authenticated participant on this request");
    }
}
