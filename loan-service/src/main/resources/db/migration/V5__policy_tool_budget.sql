-- an interest subsidy's budget (null: unlimited) and how much of it is spent; matching ignores an exhausted tool
alter table policy_tool add column budget numeric(17, 2);
alter table policy_tool add column budget_used numeric(17, 2) not null default 0;
