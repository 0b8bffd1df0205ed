// One private PostgreSQL server with one seeded analytics database for the assembly; tests only read it.
[assembly: AssemblyFixture(typeof(OrleansPlans.Dashboard.Tests.AnalyticsDatabaseFixture))]

// A 2-core machine: the browser test is heavy, so tests run one at a time and its deadlines stay meaningful.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
