// Every integration test starts Orleans silos and a broker; on a 2-core machine running them one at a time is faster
// and keeps their polling deadlines meaningful.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
