package com.finmatch.portal.i18n;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Picks the language of each request (query parameter {@code lang} first, then the cookie) and remembers a choice. */
public class LangFilters {
    @Inject
    Lang lang;

    @ServerRequestFilter(preMatching = true)
    public void chooseLanguage(ContainerRequestContext request) {
        String asked = request.getUriInfo().getQueryParameters().getFirst("lang");
        Cookie cookie = request.getCookies().get(Lang.COOKIE);
        if (asked != null && Messages.supported(asked)) {
            lang.set(asked);
            request.setProperty("finmatch.lang.chosen", asked);
        } else if (cookie != null) {
            lang.set(cookie.getValue());
        }
    }

    @ServerResponseFilter
    public void rememberLanguage(ContainerRequestContext request, ContainerResponseContext response) {
        Object chosen = request.getProperty("finmatch.lang.chosen");
        if (chosen != null) {
            NewCookie cookie = new NewCookie.Builder(Lang.COOKIE).value(chosen.toString()).path("/")
                    .maxAge(365 * 24 * 3600).httpOnly(true).sameSite(NewCookie.SameSite.LAX)
                    .secure("https".equals(request.getUriInfo().getRequestUri().getScheme())).build();
            response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie);
        }
        if (response.getMediaType() != null && "text".equals(response.getMediaType().getType())) {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, lang.english() ? "en" : "zh-CN");
        }
    }
}
