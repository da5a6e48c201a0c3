-- KPI series (issue 16 §1): a past period's figures are computed from the facts known at its end, so every fact
-- needs its own time. An escalation (LeadOverdue) had only a flag: its time, from the event's `at`, is kept here.
-- Leads escalated before this column existed are taken as escalated at their due time (the earliest they could be).
alter table application_rm add column overdue_at timestamptz;
update application_rm set overdue_at = coalesce(due_at, submitted_at, status_at) where overdue;
