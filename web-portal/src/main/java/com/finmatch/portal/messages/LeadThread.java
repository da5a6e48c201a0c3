package com.finmatch.portal.messages;

import com.finmatch.portal.client.Problem;
import com.finmatch.portal.client.loan.api.LeadMessageResourceApi;
import com.finmatch.portal.client.loan.model.LeadMessageRequest;
import com.finmatch.portal.client.loan.model.LeadMessageView;
import com.finmatch.portal.client.loan.model.PageResponseLeadMessageView;
import com.finmatch.portal.web.Paged;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A lead's message thread for the bank's and the enterprise's pages (loan-service's {@code /leads/{id}/messages},
 * through the generated client): the thread oldest first and a post form. A message that is empty or too long is
 * refused on the page with the text kept (checked here first, then as loan-service answers); a closed thread (409)
 * says so on the page.
 */
@ApplicationScoped
public class LeadThread {

    /** loan-service's limit for one message. */
    public static final int MAX_LENGTH = 2000;

    @Inject
    @RestClient
    LeadMessageResourceApi messages;

    @Inject
    @Location("messages/thread.html")
    Template thread;

    /** The page: {@code back} links to the lead or application, the form posts to {@code self}. */
    public TemplateInstance page(UUID id, String back, String self, String done, Map<String, String> errors,
            String typed) {
        List<LeadMessageView> items = Paged.all(n -> messages.listLeadMessages(id, n, Paged.MAX),
                PageResponseLeadMessageView::getItems, PageResponseLeadMessageView::getTotal);
        return thread.data("messages", items).data("back", back).data("self", self).data("done", done)
                .data("errors", errors).data("v", Map.of("body", typed == null ? "" : typed));
    }

    /** Posts and goes back to the thread (303), or shows the page again with the error and the text kept. */
    public Object post(UUID id, String body, String back, String self) {
        String text = body == null ? "" : body.strip();
        Map<String, String> errors = new LinkedHashMap<>();
        if (text.isEmpty()) {
            errors.put("body", "message_empty");
        } else if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            errors.put("body", "message_too_long");
        }
        if (errors.isEmpty()) {
            try {
                LeadMessageRequest request = new LeadMessageRequest();
                request.setBody(text);
                messages.postLeadMessage(id, request);
                return Response.seeOther(URI.create(self + "?done=message_posted#thread-end")).build();
            } catch (WebApplicationException e) {
                Problem p = Problem.of(e);
                if (p.status() == 409) {
                    errors.put("body", "message_thread_closed");
                } else if (p.invalid()) {
                    errors.put("body", p.fieldErrors().getOrDefault("body", "message_invalid"));
                } else {
                    throw e;
                }
            }
        }
        return page(id, back, self, null, errors, body);
    }
}
