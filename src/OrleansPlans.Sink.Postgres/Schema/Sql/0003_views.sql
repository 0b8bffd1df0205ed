-- Analyst views over the replicated tables.

-- Usage per plan and UTC calendar month (month = first day of the month).
create view __schema__.plan_usage_monthly as
select plan_id,
       date_trunc('month', day)::date as month,
       sum(seconds)::bigint           as seconds,
       sum(events)::bigint            as events
from __schema__.plan_usage_daily
group by plan_id, date_trunc('month', day);

-- Content of each plan ranked by seconds (1 = most watched; ties share a rank).
create view __schema__.plan_top_content as
select plan_id,
       content_id,
       seconds,
       events,
       rank() over (partition by plan_id order by seconds desc) as rank
from __schema__.plan_content_usage;

-- Each merged plan and the plan it resolves to now (merges chain: survivor is the end of the chain).
create view __schema__.plan_merge_history as
select plan_id     as merged_plan_id,
       merged_into as survivor_plan_id
from __schema__.plans
where status = 'merged';
