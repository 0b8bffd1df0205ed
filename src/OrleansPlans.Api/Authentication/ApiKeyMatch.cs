namespace OrleansPlans.Api.Authentication;

/// <summary>Which configured key a request presented: <c>operator-key-0</c>, <c>read-key-2</c>, …</summary>
internal sealed record ApiKeyMatch(string Name, bool IsOperator);
