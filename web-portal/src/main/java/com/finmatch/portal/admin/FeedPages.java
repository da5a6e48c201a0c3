package com.finmatch.portal.admin;

import com.finmatch.portal.client.MatchingStreams;
import com.finmatch.portal.client.matching.api.MatchResourceApi;
import com.finmatch.portal.client.matching.model.MatchView;
import com.finmatch.portal.client.matching.model.PageResponseMatchView;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The administrator's live feed of matches: the latest 20, then each new one as it happens. */
@Path("/admin/feed")
@RolesAllowed("admin")
@Produces(MediaType.TEXT_HTML)
public class FeedPages {
    static final int RECENT = 20;

    @Inject
    @RestClient
    MatchResourceApi matches;

    @Inject
    @RestClient
    MatchingStreams matchingText;

    @Inject
    @Location("admin/feed.html")
    Template feed;

    /** The page says when the latest matches could not be read; the live stream still starts. */
    @GET
    public TemplateInstance feed() {
        List<MatchView> recent = List.of();
        boolean down = false;
        try {
            PageResponseMatchView page = matches.listMatches(null, null, null, null, 0, RECENT, null);
            recent = page.getItems() == null ? List.of() : page.getItems();
        } catch (RuntimeException e) {
            down = true;
        }
        return feed.data("recent", recent).data("down", down);
    }

    /** The matches as they happen: matching-service's SSE stream relayed with the administrator's token. */
    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<String> stream() {
        return matchingText.matchStream();
    }
}
