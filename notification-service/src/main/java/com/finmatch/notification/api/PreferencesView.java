package com.finmatch.notification.api;

import com.finmatch.notification.service.PreferenceService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A user's notification preferences: in a GET every kind and channel with its setting; in a PUT the ones to change
 * (the others keep theirs) and the address for e-mail (null: the address of the user's token).
 */
public record PreferencesView(@NotNull @Size(max = 20) List<@NotNull @Valid PreferenceItem> items,
        @Schema(nullable = true, description = "the address for e-mail; null: the one the user's token carries")
        @Email @Size(max = 254) String email) {

    static PreferencesView of(PreferenceService.Settings settings) {
        return new PreferencesView(settings.items().stream().map(PreferenceItem::of).toList(), settings.email());
    }
}
