package com.finmatch.portal.notification;

import java.util.List;

/** The kinds of notification the portal names (zh-CN and English in {@code notification_kind_*}). */
final class NotificationKinds {
    static final List<String> KNOWN = List.of("LEAD_RECEIVED", "LEAD_STATUS_CHANGED", "LEAD_OVERDUE",
            "LEAD_OVERDUE_ESCALATION", "CONSENT_EXPIRING", "BETTER_RECOMMENDATION", "TRAINING_MATCHED",
            "LEAD_MESSAGE");
    static final List<String> CHANNELS = List.of("IN_APP", "EMAIL");

    private NotificationKinds() {
    }
}
