[assembly: AssemblyFixture(typeof(OrleansPlans.Persistence.Postgres.Tests.PostgresServerFixture))]
