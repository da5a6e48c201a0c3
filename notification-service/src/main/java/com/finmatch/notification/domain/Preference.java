package com.finmatch.notification.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One kind and channel, on or off. */
public record Preference(NotificationKind kind, Channel channel, boolean enabled) {

    /** Every kind and channel, each as stored or else its default ({@link NotificationKind#enabledByDefault}). */
    public static List<Preference> effective(Map<String, Boolean> stored) {
        List<Preference> all = new ArrayList<>();
        for (NotificationKind kind : NotificationKind.values()) {
            for (Channel channel : Channel.values()) {
                Boolean chosen = stored.get(key(kind, channel));
                all.add(new Preference(kind, channel, chosen != null ? chosen : kind.enabledByDefault(channel)));
            }
        }
        return all;
    }

    public static String key(NotificationKind kind, Channel channel) {
        return kind.name() + "/" + channel.name();
    }
}
