namespace OrleansPlans.Api.Hosting;

/// <summary>Registered once by <see cref="OrleansPlansApiServiceCollectionExtensions.AddOrleansPlansApi"/>, so a second call can tell.</summary>
internal sealed class OrleansPlansApiMarker;
