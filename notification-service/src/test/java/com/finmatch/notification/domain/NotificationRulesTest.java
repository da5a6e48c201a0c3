package com.finmatch.notification.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotificationRulesTest {

    private static final String APP = UUID.randomUUID().toString();
    private static final String ENT = UUID.randomUUID().toString();

    private static EnterpriseOwner owner() {
        EnterpriseOwner o = new EnterpriseOwner();
        o.enterpriseId = UUID.fromString(ENT);
        o.ownerSub = "ent-7";
        o.name = "肇庆精工有限公司";
        return o;
    }

    private static Events.LeadStatusChanged status(String status, String reason, String note, List<String> materials) {
        return new Events.LeadStatusChanged(APP, "ZQRCB", ENT, status, reason, note, materials);
    }

    @Test
    void shouldTellTheBankOfANewLeadWithTheEnterprisesNameAndALinkToTheLead() {
        Draft d = NotificationRules.leadReceived("ev-1", new Events.ApplicationSubmitted(APP, ENT,
                UUID.randomUUID().toString(), "ZQRCB", new BigDecimal("500000.00"), 24), Optional.of(owner()));
        assertEquals("bank:ZQRCB", d.audience());
        assertEquals(NotificationKind.LEAD_RECEIVED, d.kind());
        assertEquals("新的融资申请 / New lead", d.title());
        assertTrue(d.body().startsWith("肇庆精工有限公司 提交了融资申请，金额 500000 元"), d.body());
        assertEquals("/bank/leads/" + APP, d.link());
        assertEquals("ev-1", d.sourceId());
    }

    @Test
    void shouldTellTheOwnerOfADeclineWithItsReasonAndTheBanksNote() {
        Draft d = NotificationRules.leadStatusChanged("ev-2",
                status("DECLINED", "INSUFFICIENT_COLLATERAL", "请补充抵押物", null), owner()).orElseThrow();
        assertEquals("user:ent-7", d.audience());
        assertEquals(NotificationKind.LEAD_STATUS_CHANGED, d.kind());
        assertEquals("融资申请未通过 / Application declined", d.title());
        assertTrue(d.body().contains("原因：抵押担保不足（INSUFFICIENT_COLLATERAL）"), d.body());
        assertTrue(d.body().contains("Reason: Insufficient collateral"), d.body());
        assertTrue(d.body().contains("请补充抵押物"), d.body());
        assertEquals("/enterprise/applications", d.link());
    }

    @Test
    void shouldListTheRequestedMaterialsInBothLanguages() {
        Draft d = NotificationRules.leadStatusChanged("ev-3",
                status("MATERIALS_REQUESTED", null, null, List.of("BUSINESS_LICENSE", "TAX_CERTIFICATE")), owner())
                .orElseThrow();
        assertTrue(d.body().contains("需补充：营业执照、纳税证明"), d.body());
        assertTrue(d.body().contains("Please provide: Business licence, Tax certificate"), d.body());
    }

    @Test
    void shouldNotTellAnyoneWhenTheBankOnlyAcknowledgedTheLead() {
        assertTrue(NotificationRules.leadStatusChanged("ev-4", status("RECEIVED", null, null, null), owner())
                .isEmpty());
    }

    @Test
    void shouldTellTheOwnerOfEveryOtherStatusChange() {
        for (String s : List.of("UNDER_REVIEW", "APPROVED", "DISBURSED")) {
            assertTrue(NotificationRules.leadStatusChanged("ev-" + s, status(s, null, null, null), owner()).isPresent(),
                    s);
        }
    }

    @Test
    void shouldTellTheBankOfAnOverdueLeadAndEscalateToAdministratorsOncePerLead() {
        OffsetDateTime due = OffsetDateTime.parse("2026-11-30T08:00:00Z");
        List<Draft> drafts = NotificationRules.leadOverdue("ev-5",
                new Events.LeadOverdue(APP, "ZQRCB", ENT, due, due.plusHours(27)));
        assertEquals(2, drafts.size());
        Draft bank = drafts.get(0);
        Draft admins = drafts.get(1);
        assertEquals("bank:ZQRCB", bank.audience());
        assertEquals(NotificationKind.LEAD_OVERDUE, bank.kind());
        assertEquals("ev-5", bank.sourceId());
        assertEquals("role:admin", admins.audience());
        assertEquals(NotificationKind.LEAD_OVERDUE_ESCALATION, admins.kind());
        assertEquals(APP, admins.sourceId(), "the escalation is once per lead, whatever the event");
        assertTrue(admins.body().contains("银行 ZQRCB") && admins.body().contains("1 天 3 小时"), admins.body());
        assertTrue(admins.body().contains("1 day 3 hours"), admins.body());
    }

    @Test
    void shouldSayHowLateInHoursUnderADayAndUnderAnHourBelowOne() {
        OffsetDateTime due = OffsetDateTime.parse("2026-11-30T08:00:00Z");
        assertEquals("5 小时", NotificationRules.lateness(due, due.plusHours(5))[0]);
        assertEquals("under an hour", NotificationRules.lateness(due, due.plusMinutes(20))[1]);
        assertEquals("2 days", NotificationRules.lateness(due, due.plusDays(2))[1]);
    }

    @Test
    void shouldRemindTheOwnerOfAnExpiringConsentOncePerConsent() {
        String consent = UUID.randomUUID().toString();
        Draft d = NotificationRules.consentExpiring(consent, "*", OffsetDateTime.parse("2026-12-08T10:00:00Z"), owner());
        assertEquals("user:ent-7", d.audience());
        assertEquals(consent, d.sourceId());
        assertEquals(NotificationKind.CONSENT_EXPIRING, d.kind());
        assertTrue(d.body().contains("2026-12-08") && d.body().contains("所有银行"), d.body());
    }

    private static Events.LeadMessagePosted message(String authorRole, String excerpt) {
        return new Events.LeadMessagePosted(APP, "ZQRCB", ENT, UUID.randomUUID().toString(), authorRole, excerpt,
                OffsetDateTime.parse("2026-12-02T09:00:00Z"));
    }

    @Test
    void shouldTellTheBankOfAnEnterprisesMessageWithItsExcerptAndALinkToTheThread() {
        Draft d = NotificationRules.leadMessagePosted("ev-6", message("ENTERPRISE", "营业执照已上传，请查收。"),
                Optional.of(owner()));
        assertEquals("bank:ZQRCB", d.audience());
        assertEquals(NotificationKind.LEAD_MESSAGE, d.kind());
        assertEquals("新留言 / New message", d.title());
        assertTrue(d.body().startsWith("肇庆精工有限公司 留言：「营业执照已上传，请查收。」"), d.body());
        assertTrue(d.body().contains("wrote: “营业执照已上传，请查收。”"), d.body());
        assertEquals("/bank/leads/" + APP + "/messages", d.link());
        assertEquals("ev-6", d.sourceId());
    }

    @Test
    void shouldCallTheEnterpriseAnEnterpriseWhenItsNameIsNotKnownYet() {
        Draft d = NotificationRules.leadMessagePosted("ev-7", message("ENTERPRISE", "Hello"), Optional.empty());
        assertEquals("bank:ZQRCB", d.audience());
        assertTrue(d.body().startsWith("一家企业 / an enterprise 留言：「Hello」"), d.body());
    }

    @Test
    void shouldTellTheOwnerOfABanksMessageWithItsExcerptAndALinkToTheThread() {
        Draft d = NotificationRules.leadMessagePosted("ev-8", message("BANK", "  请补充近三个月的银行流水。 "),
                Optional.of(owner()));
        assertEquals("user:ent-7", d.audience());
        assertEquals(NotificationKind.LEAD_MESSAGE, d.kind());
        assertEquals("新留言 / New message", d.title());
        assertTrue(d.body().startsWith("银行 ZQRCB 就您的融资申请留言：「请补充近三个月的银行流水。」"), d.body());
        assertTrue(d.body().contains("Bank ZQRCB wrote about your application: “请补充近三个月的银行流水。”"), d.body());
        assertEquals("/enterprise/applications/" + APP + "/messages", d.link());
    }

    @Test
    void shouldRefuseAMessageOfAnUnknownAuthorRole() {
        assertThrows(IllegalArgumentException.class,
                () -> NotificationRules.leadMessagePosted("ev-9", message("ADMIN", "x"), Optional.of(owner())));
    }

    @Test
    void shouldEnableEveryKindInAppAndEmailOnlyForTheChosenKindsByDefault() {
        List<Preference> defaults = Preference.effective(java.util.Map.of());
        assertEquals(12, defaults.size());
        assertTrue(defaults.stream().filter(p -> p.channel() == Channel.IN_APP).allMatch(Preference::enabled));
        assertEquals(List.of(NotificationKind.LEAD_RECEIVED, NotificationKind.LEAD_STATUS_CHANGED,
                NotificationKind.LEAD_OVERDUE_ESCALATION, NotificationKind.CONSENT_EXPIRING,
                NotificationKind.LEAD_MESSAGE),
                defaults.stream().filter(p -> p.channel() == Channel.EMAIL && p.enabled()).map(Preference::kind)
                        .toList());
    }

    @Test
    void shouldPutABanksAudienceOnlyForCallersWithABankId() {
        assertEquals(List.of("user:u1"), Audience.of("u1", null, false));
        assertEquals(List.of("user:u1", "bank:ZQRCB", "role:admin"), Audience.of("u1", "ZQRCB", true));
    }
}
