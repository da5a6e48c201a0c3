package com.finmatch.notification.domain;

/** What a notification is about; each kind says whether its e-mail is sent unless the user turned it off. */
public enum NotificationKind {
    /** A new lead for a bank (an enterprise applied for one of its products). */
    LEAD_RECEIVED(true),
    /** The bank moved the enterprise's application on (under review, materials requested, approved, …). */
    LEAD_STATUS_CHANGED(true),
    /** A lead its bank did not answer in time: told to the bank. */
    LEAD_OVERDUE(false),
    /** The same overdue lead, once, to the platform administrators. */
    LEAD_OVERDUE_ESCALATION(true),
    /** A consent the enterprise granted expires within the reminder window. */
    CONSENT_EXPIRING(true);

    private final boolean emailByDefault;

    NotificationKind(boolean emailByDefault) {
        this.emailByDefault = emailByDefault;
    }

    /** The default of a kind and channel: every kind in-app; e-mail as the kind says. */
    public boolean enabledByDefault(Channel channel) {
        return channel == Channel.IN_APP || emailByDefault;
    }
}
