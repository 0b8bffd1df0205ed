namespace OrleansPlans.Grains.Operations;

/// <summary>The call a merge request grain makes on the audit log. Internal: only an admitted request belongs in the list.</summary>
internal interface IMergeAuditLogGrainInternal : IGrainWithIntegerKey
{
    /// <summary>Lists <paramref name="requestId"/> as the newest request, unless it is already listed.</summary>
    Task AppendAsync(string requestId);
}
