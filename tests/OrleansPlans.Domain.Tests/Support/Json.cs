using System.Text;

namespace OrleansPlans.Domain.Tests.Support;

/// <summary>Builds input record values as producers would write them.</summary>
internal static class Json
{
    public static byte[] Membership(string eventId, string type, string plan, string user, string at) =>
        Utf8($$"""{"eventId":"{{eventId}}","type":"{{type}}","planId":"{{plan}}","userId":"{{user}}","occurredAt":"{{at}}"}""");

    public static byte[] Usage(string eventId, string user, string content, int seconds, string at) =>
        Utf8($$"""{"eventId":"{{eventId}}","userId":"{{user}}","contentId":"{{content}}","seconds":{{seconds}},"occurredAt":"{{at}}"}""");

    public static byte[] Merge(string eventId, string source, string target, string at = "2026-03-02T00:00:00Z") =>
        Utf8($$"""{"eventId":"{{eventId}}","sourcePlanId":"{{source}}","targetPlanId":"{{target}}","occurredAt":"{{at}}","requestedBy":"ops@example.com"}""");

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
