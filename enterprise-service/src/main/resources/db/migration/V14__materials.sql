-- issue 15 §2, materials. A product's materialsRequired as loan-service's product events carry it (a list of
-- MaterialKind codes or free text written before the codes; null: replicated before this column, unknown until the
-- product's next ProductUpdated), for the checklist before applying; the material kinds of an application's open
-- 补件 request (the bank's message is the note of its MATERIALS_REQUESTED step).
alter table product_summary add column materials_required jsonb;
alter table application add column materials_requested jsonb not null default '[]'::jsonb;
