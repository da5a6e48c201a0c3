-- One need, one loan: at most one lead of a financing need is ever DISBURSED, also when two banks disburse at the
-- same moment (the second commit fails on this index and is answered 409).
create unique index lead_one_disbursed_per_need on lead (financing_need_id) where status = 'DISBURSED';
-- the other leads of a need, looked up on every approval or disbursement
create index lead_need on lead (financing_need_id) where financing_need_id is not null;
