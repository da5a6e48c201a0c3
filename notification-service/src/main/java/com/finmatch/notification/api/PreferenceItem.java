package com.finmatch.notification.api;

import com.finmatch.notification.domain.Channel;
import com.finmatch.notification.domain.NotificationKind;
import com.finmatch.notification.domain.Preference;
import jakarta.validation.constraints.NotNull;

/** One kind of notification by one channel, on or off. */
public record PreferenceItem(@NotNull NotificationKind kind, @NotNull Channel channel, @NotNull Boolean enabled) {

    static PreferenceItem of(Preference p) {
        return new PreferenceItem(p.kind(), p.channel(), p.enabled());
    }

    Preference toPreference() {
        return new Preference(kind, channel, enabled);
    }
}
