create schema test_analytics;
create table test_analytics.plan_totals (plan_id text primary key, seconds bigint not null);
