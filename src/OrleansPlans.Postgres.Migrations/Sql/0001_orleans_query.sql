-- The Orleans ADO.NET providers load their statements at start-up with the fixed text
--   SELECT QueryKey, QueryText FROM OrleansQuery
-- which PostgreSQL folds to lower case, so this table and its columns are deliberately unquoted.
-- Later migrations insert or replace rows here with "on conflict (querykey) do update".
create table orleansquery (
    querykey  varchar(64) primary key,
    querytext text not null
);
