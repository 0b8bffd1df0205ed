// One private PostgreSQL server for the assembly; each test takes its own database and starts its own (in-process) dev broker.
[assembly: AssemblyFixture(typeof(PostgresServerFixture))]

// A 2-core machine: the broker-and-database scenarios run one at a time so their deadlines stay meaningful.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
