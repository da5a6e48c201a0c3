package com.finmatch.portal.notification;

import com.finmatch.portal.client.notification.Preference;
import com.finmatch.portal.client.notification.Preferences;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The preferences as a grid of check boxes, kind × channel: the portal's known kinds, then any other kind
 * notification-service answers. A pair notification-service does not list is shown on (notifications are opt-out);
 * saving sends every pair of the grid. A box's value is {@code KIND:CHANNEL}.
 */
@TemplateData
public record PreferenceGrid(List<String> kinds, List<String> channels, Set<String> on, String email) {

    static PreferenceGrid of(Preferences stored) {
        List<Preference> items = stored == null || stored.items() == null ? List.of() : stored.items();
        Set<String> kinds = new LinkedHashSet<>(NotificationKinds.KNOWN);
        Set<String> channels = new LinkedHashSet<>(NotificationKinds.CHANNELS);
        items.forEach(p -> {
            kinds.add(p.kind());
            channels.add(p.channel());
        });
        Set<String> on = new LinkedHashSet<>();
        for (String kind : kinds) {
            for (String channel : channels) {
                boolean enabled = items.stream().filter(p -> p.kind().equals(kind) && p.channel().equals(channel))
                        .findFirst().map(Preference::enabled).orElse(true);
                if (enabled) {
                    on.add(key(kind, channel));
                }
            }
        }
        return new PreferenceGrid(List.copyOf(kinds), List.copyOf(channels), on, stored == null ? null : stored.email());
    }

    /** The grid as the form sent it: the boxes ticked (of the kinds and channels shown) and the address. */
    PreferenceGrid with(List<String> ticked, String email) {
        Set<String> on = new LinkedHashSet<>(ticked == null ? List.of() : ticked);
        on.retainAll(all());
        return new PreferenceGrid(kinds, channels, on, email);
    }

    /** Every pair of the grid, on or off, as notification-service takes it. */
    Preferences toPreferences() {
        List<Preference> items = new ArrayList<>();
        for (String kind : kinds) {
            for (String channel : channels) {
                items.add(new Preference(kind, channel, on.contains(key(kind, channel))));
            }
        }
        return new Preferences(items, email);
    }

    public boolean checked(String kind, String channel) {
        return on.contains(key(kind, channel));
    }

    public static String key(String kind, String channel) {
        return kind + ":" + channel;
    }

    private Set<String> all() {
        Set<String> all = new LinkedHashSet<>();
        kinds.forEach(k -> channels.forEach(c -> all.add(key(k, c))));
        return all;
    }
}
