alter table test_analytics.plan_totals add column events bigint not null default 0;
