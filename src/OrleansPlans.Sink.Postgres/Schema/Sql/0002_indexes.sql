-- Indexes for the analysts' usual questions: a time range across plans, a member's plan, the latest dead letters.
create index plan_usage_hourly_hour_start on __schema__.plan_usage_hourly (hour_start);
create index plan_usage_daily_day on __schema__.plan_usage_daily (day);
create index plan_content_usage_plan_seconds on __schema__.plan_content_usage (plan_id, seconds desc);
create index plan_members_user_id on __schema__.plan_members (user_id);
create index plans_merged_into on __schema__.plans (merged_into) where merged_into is not null;
create index dead_letters_received_at on __schema__.dead_letters (received_at);
