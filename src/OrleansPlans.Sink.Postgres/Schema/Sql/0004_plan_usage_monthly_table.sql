-- Contract 1.1: plan_usage_monthly becomes a table the sink replicates from the plan-usage-monthly topic, with exact
-- active_users (distinct users in the month, which a sum of daily rows cannot give). Same name and columns as the
-- view it replaces plus active_users, so analysts' queries keep working. No other view reads it.
drop view if exists __schema__.plan_usage_monthly;

create table __schema__.plan_usage_monthly (
    plan_id      text   not null,
    month        date   not null, -- the first day of the UTC month
    seconds      bigint not null,
    events       bigint not null,
    active_users bigint not null,
    primary key (plan_id, month)
);

-- A month across plans, as plan_usage_daily_day serves a day.
create index plan_usage_monthly_month on __schema__.plan_usage_monthly (month);
