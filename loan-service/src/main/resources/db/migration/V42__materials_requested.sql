-- 补件 (issue 15 §2): a bank asks for more materials on a lead. The open request's material kinds (MaterialKind codes of
-- the platform module) and when the service-level clock was paused; the due time moves later by the pause on resume.
alter table lead add column materials_requested jsonb not null default '[]'::jsonb;
alter table lead add column clock_paused_at timestamptz;
