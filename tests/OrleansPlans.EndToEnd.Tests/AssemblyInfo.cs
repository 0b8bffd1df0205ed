// One private PostgreSQL server for the assembly; each test takes its own database.
[assembly: AssemblyFixture(typeof(PostgresServerFixture))]
