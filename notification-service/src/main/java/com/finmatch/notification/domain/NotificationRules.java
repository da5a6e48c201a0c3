package com.finmatch.notification.domain;

import com.finmatch.platform.contracts.MaterialKind;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Who is told what about which event: plain rules, no I/O. Titles and bodies are zh-CN first, then English
 * ("新的融资申请 / New lead"); links are the portal's paths.
 * <ul>
 * <li>a new lead (ApplicationSubmitted — not LeadStatusChanged RECEIVED, which is the bank's own step) → the bank;</li>
 * <li>a lead's status change (UNDER_REVIEW, MATERIALS_REQUESTED, APPROVED, DECLINED, DISBURSED) and an application
 * closed with its need (CLOSED) → the enterprise's owner;</li>
 * <li>an overdue lead → the bank, and once per lead an escalation to the administrators;</li>
 * <li>a consent about to expire → the enterprise's owner, once per consent;</li>
 * <li>a message on a lead's thread → the other side: the enterprise's message to the bank, the bank's to the
 * enterprise's owner, each with the message's excerpt and a link to the thread.</li>
 * </ul>
 */
public final class NotificationRules {

    private static final Map<String, String[]> STATUS = Map.of(
            "UNDER_REVIEW", new String[] {"审核中", "under review"},
            "MATERIALS_REQUESTED", new String[] {"需补充材料", "materials requested"},
            "APPROVED", new String[] {"已批准", "approved"},
            "DECLINED", new String[] {"未通过", "declined"},
            "DISBURSED", new String[] {"已放款", "disbursed"},
            "CLOSED", new String[] {"已关闭", "closed"});

    private static final Map<String, String[]> REASON = Map.of(
            "INSUFFICIENT_REVENUE", new String[] {"营业收入不足", "Insufficient revenue"},
            "INSUFFICIENT_COLLATERAL", new String[] {"抵押担保不足", "Insufficient collateral"},
            "CREDIT_HISTORY", new String[] {"信用记录不符合要求", "Credit history"},
            "INDUSTRY_POLICY", new String[] {"行业政策限制", "Industry policy"},
            "INCOMPLETE_MATERIALS", new String[] {"材料不完整", "Incomplete materials"},
            "OTHER", new String[] {"其他原因", "Other reason"},
            "NEED_FULFILLED", new String[] {"融资需求已满足", "The financing need was fulfilled"},
            "NEED_WITHDRAWN", new String[] {"融资需求已撤回", "The financing need was withdrawn"});

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private NotificationRules() {
    }

    /** A new lead: the bank's officers are told. */
    public static Draft leadReceived(String eventId, Events.ApplicationSubmitted e, Optional<EnterpriseOwner> enterprise) {
        String who = enterprise.map(o -> o.name).orElse("一家企业 / an enterprise");
        String amount = e.amount() == null ? "" : "，金额 " + e.amount().stripTrailingZeros().toPlainString() + " 元";
        String amountEn = e.amount() == null ? "" : " for CNY " + e.amount().stripTrailingZeros().toPlainString();
        return new Draft(eventId, Audience.bank(e.bankId()), NotificationKind.LEAD_RECEIVED,
                "新的融资申请 / New lead",
                who + " 提交了融资申请" + amount + "，请及时处理。 / " + who + " applied" + amountEn
                        + "; please respond in time.",
                bankLeadLink(e.applicationId()));
    }

    /** A lead's status change: the enterprise's owner is told; RECEIVED (the bank's acknowledgement) is not news. */
    public static Optional<Draft> leadStatusChanged(String eventId, Events.LeadStatusChanged e, EnterpriseOwner owner) {
        String[] status = STATUS.get(e.status());
        if (status == null) {
            return Optional.empty();
        }
        StringBuilder zh = new StringBuilder("您的融资申请（银行 ").append(e.bankId()).append("）状态：").append(status[0])
                .append("。");
        StringBuilder en = new StringBuilder("Your application (bank ").append(e.bankId()).append(") is ")
                .append(status[1]).append('.');
        if ("MATERIALS_REQUESTED".equals(e.status()) && e.materials() != null && !e.materials().isEmpty()) {
            List<MaterialKind> kinds = e.materials().stream().map(MaterialKind::classify).toList();
            zh.append("需补充：").append(kinds.stream().map(k -> k.zh).collect(Collectors.joining("、"))).append("。");
            en.append(" Please provide: ").append(kinds.stream().map(k -> k.en).collect(Collectors.joining(", ")))
                    .append('.');
        }
        if ("DECLINED".equals(e.status()) && e.reasonCode() != null) {
            String[] reason = REASON.getOrDefault(e.reasonCode(), new String[] {e.reasonCode(), e.reasonCode()});
            zh.append("原因：").append(reason[0]).append("（").append(e.reasonCode()).append("）。");
            en.append(" Reason: ").append(reason[1]).append(" (").append(e.reasonCode()).append(").");
        }
        if (e.note() != null && !e.note().isBlank()) {
            zh.append("银行留言：").append(e.note().strip());
            en.append(" The bank's note: ").append(e.note().strip());
        }
        return Optional.of(new Draft(eventId, Audience.user(owner.ownerSub), NotificationKind.LEAD_STATUS_CHANGED,
                "融资申请" + status[0] + " / Application " + status[1], zh + " / " + en, ENTERPRISE_LINK));
    }

    /** An application closed with its need (CLOSED): the enterprise's owner is told why. */
    public static Draft applicationClosed(String eventId, Events.ApplicationClosed e, EnterpriseOwner owner) {
        String[] reason = REASON.getOrDefault(e.reasonCode(), new String[] {"", ""});
        return new Draft(eventId, Audience.user(owner.ownerSub), NotificationKind.LEAD_STATUS_CHANGED,
                "融资申请已关闭 / Application closed",
                "您的融资申请（银行 " + e.bankId() + "）已关闭：" + reason[0] + "。 / Your application (bank " + e.bankId()
                        + ") was closed: " + reason[1] + ".",
                ENTERPRISE_LINK);
    }

    /**
     * An overdue lead: the bank is told (once per event), and the administrators once per lead — the escalation's
     * source is the application, so a second LeadOverdue of the same lead adds nothing for them.
     */
    public static List<Draft> leadOverdue(String eventId, Events.LeadOverdue e) {
        String[] late = lateness(e.dueAt(), e.at());
        Draft bank = new Draft(eventId, Audience.bank(e.bankId()), NotificationKind.LEAD_OVERDUE,
                "融资申请已逾期 / Lead overdue",
                "一条融资申请已超过答复时限 " + late[0] + "，请尽快处理。 / A lead is " + late[1]
                        + " past its response deadline; please respond now.",
                bankLeadLink(e.applicationId()));
        Draft admins = new Draft(e.applicationId(), Audience.ADMINS, NotificationKind.LEAD_OVERDUE_ESCALATION,
                "银行逾期未答复 / Bank overdue on a lead",
                "银行 " + e.bankId() + " 的一条融资申请已逾期 " + late[0] + "（时限 " + DAY.format(e.dueAt()
                        .atZoneSameInstant(ZoneOffset.UTC)) + "）。 / Bank " + e.bankId() + " is " + late[1]
                        + " late on a lead (due " + e.dueAt().toInstant() + ").",
                "/admin/scorecards");
        return List.of(bank, admins);
    }

    /** A consent about to expire: its enterprise's owner is told, once per consent (the source is the consent). */
    public static Draft consentExpiring(String consentId, String bankId, OffsetDateTime expiresAt, EnterpriseOwner owner) {
        String bank = "*".equals(bankId) ? "所有银行 / all banks" : bankId;
        String day = DAY.format(expiresAt.atZoneSameInstant(ZoneOffset.UTC));
        return new Draft(consentId, Audience.user(owner.ownerSub), NotificationKind.CONSENT_EXPIRING,
                "数据授权即将到期 / Consent expiring",
                "您给予 " + bank + " 的数据授权将于 " + day + " 到期，如需继续请续期。 / Your consent for " + bank
                        + " expires on " + day + "; renew it to keep sharing.",
                "/enterprise/consents");
    }

    /**
     * A message on a lead's thread: the other side is told, with the excerpt (the event carries at most 140
     * characters) and a link to the thread. An enterprise's message → the bank's officers (with the enterprise's name
     * when known); a bank's message → the enterprise's owner, who must be known.
     */
    public static Draft leadMessagePosted(String eventId, Events.LeadMessagePosted e, Optional<EnterpriseOwner> enterprise) {
        String excerpt = e.excerpt().strip();
        return switch (e.authorRole()) {
            case "ENTERPRISE" -> {
                String who = enterprise.map(o -> o.name).orElse("一家企业 / an enterprise");
                yield new Draft(eventId, Audience.bank(e.bankId()), NotificationKind.LEAD_MESSAGE, MESSAGE_TITLE,
                        who + " 留言：「" + excerpt + "」 / " + who + " wrote: “" + excerpt + "”",
                        bankLeadLink(e.applicationId()) + "/messages");
            }
            case "BANK" -> {
                EnterpriseOwner owner = enterprise.orElseThrow(() -> new IllegalArgumentException(
                        "a bank's message needs the enterprise's owner"));
                yield new Draft(eventId, Audience.user(owner.ownerSub), NotificationKind.LEAD_MESSAGE, MESSAGE_TITLE,
                        "银行 " + e.bankId() + " 就您的融资申请留言：「" + excerpt + "」 / Bank " + e.bankId()
                                + " wrote about your application: “" + excerpt + "”",
                        ENTERPRISE_LINK + "/" + e.applicationId() + "/messages");
            }
            default -> throw new IllegalArgumentException("unknown authorRole " + e.authorRole());
        };
    }

    /** How late, zh and en: "3 小时" / "3 hours", "2 天 5 小时" / "2 days 5 hours", "不到 1 小时" / "under an hour". */
    static String[] lateness(OffsetDateTime dueAt, OffsetDateTime at) {
        Duration d = Duration.between(dueAt, at);
        long hours = Math.max(0, d.toHours());
        if (hours == 0) {
            return new String[] {"不到 1 小时", "under an hour"};
        }
        long days = hours / 24;
        long rest = hours % 24;
        if (days == 0) {
            return new String[] {hours + " 小时", hours + (hours == 1 ? " hour" : " hours")};
        }
        String zh = days + " 天" + (rest > 0 ? " " + rest + " 小时" : "");
        String en = days + (days == 1 ? " day" : " days") + (rest > 0 ? " " + rest + (rest == 1 ? " hour" : " hours") : "");
        return new String[] {zh, en};
    }

    static final String ENTERPRISE_LINK = "/enterprise/applications";

    static final String MESSAGE_TITLE = "新留言 / New message";

    static String bankLeadLink(String applicationId) {
        return "/bank/leads/" + applicationId;
    }
}
