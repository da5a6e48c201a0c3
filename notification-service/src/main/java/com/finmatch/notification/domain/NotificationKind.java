package com.finmatch.notification.domain;

/** What a notification is about; each kind says whether its e-mail is sent unless the user turned it off. */
public enum NotificationKind {
    /** A new lead for a bank (an enterprise applied for one of its products). */
    LEAD_RECEIVED(true, "新的融资申请", "new leads"),
    /** The bank moved the enterprise's application on (under review, materials requested, approved, …). */
    LEAD_STATUS_CHANGED(true, "融资申请进展", "application updates"),
    /** A lead its bank did not answer in time: told to the bank. */
    LEAD_OVERDUE(false, "融资申请逾期", "overdue leads"),
    /** The same overdue lead, once, to the platform administrators. */
    LEAD_OVERDUE_ESCALATION(true, "银行逾期升级提醒", "overdue escalations"),
    /** A consent the enterprise granted expires within the reminder window. */
    CONSENT_EXPIRING(true, "数据授权到期", "expiring consents"),
    /** The other side wrote on a lead's message thread (the bank to the enterprise's owner, or the other way). */
    LEAD_MESSAGE(true, "融资申请留言", "messages on leads");

    private final boolean emailByDefault;
    /** The kind's name for people, zh-CN and English (the unsubscribe page). */
    public final String zh;
    public final String en;

    NotificationKind(boolean emailByDefault, String zh, String en) {
        this.emailByDefault = emailByDefault;
        this.zh = zh;
        this.en = en;
    }

    /** The default of a kind and channel: every kind in-app; e-mail as the kind says. */
    public boolean enabledByDefault(Channel channel) {
        return channel == Channel.IN_APP || emailByDefault;
    }
}
