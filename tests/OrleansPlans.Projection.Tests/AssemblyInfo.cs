// One private PostgreSQL server and one dev broker for the assembly; each test takes its own database and topics.
[assembly: AssemblyFixture(typeof(PostgresServerFixture))]
[assembly: AssemblyFixture(typeof(DevBrokerFixture))]

// A 2-core machine: running the broker-and-database scenarios one at a time keeps their deadlines meaningful.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
