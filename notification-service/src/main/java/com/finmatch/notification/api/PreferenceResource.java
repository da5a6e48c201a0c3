package com.finmatch.notification.api;

import com.finmatch.notification.security.Recipient;
import com.finmatch.notification.service.ContactBook;
import com.finmatch.notification.service.PreferenceService;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The caller's notification preferences per kind and channel, and their e-mail address. */
@Path("/api/v1/notifications/preferences")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class PreferenceResource {

    @Inject
    PreferenceService preferences;

    @Inject
    ContactBook contacts;

    @Inject
    Recipient me;

    @GET
    public PreferencesView getMyPreferences() {
        contacts.remember(me.subject(), me.email().orElse(null), me.bankId().orElse(null), me.isAdmin());
        return PreferencesView.of(preferences.of(me.subject()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public PreferencesView updateMyPreferences(@NotNull @Valid PreferencesView request) {
        return PreferencesView.of(preferences.update(me.subject(),
                request.items().stream().map(PreferenceItem::toPreference).toList(), request.email()));
    }
}
