using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using OrleansPlans.Grains.State;

namespace OrleansPlans.Grains.Tests;

/// <summary>The plan-analytics storage keeps state JSON as it is, and still reads states Orleans' default serializer wrote.</summary>
public sealed class JsonGrainStateStorageSerializerTests
{
    private static readonly byte[] StateJson = Encoding.UTF8.GetBytes("{\"planId\":\"plan-1\",\"named\":true,\"users\":[\"user-1\"]}");
    private readonly JsonGrainStateStorageSerializer _serializer = new();

    [Fact]
    public void state_json_is_stored_byte_for_byte_and_read_back()
    {
        var stored = _serializer.Serialize(new JsonGrainState { Json = StateJson });

        Assert.Equal(StateJson, stored.ToArray());
        Assert.Equal(StateJson, _serializer.Deserialize<JsonGrainState>(stored).Json);
    }

    [Fact]
    public void a_state_written_by_orleans_default_json_storage_serializer_is_still_read()
    {
        using var services = new ServiceCollection().AddSerializer().AddSingleton<OrleansJsonSerializer>()
            .AddSingleton<JsonGrainStorageSerializer>().BuildServiceProvider();
        var legacy = services.GetRequiredService<JsonGrainStorageSerializer>().Serialize(new JsonGrainState { Json = StateJson });
        Assert.StartsWith("{\"$", legacy.ToString(), StringComparison.Ordinal);

        Assert.Equal(StateJson, _serializer.Deserialize<JsonGrainState>(legacy).Json);
    }

    [Fact]
    public void an_empty_payload_reads_as_a_state_never_written()
    {
        Assert.Null(_serializer.Deserialize<JsonGrainState>(new BinaryData(Array.Empty<byte>())).Json);
    }

    [Fact]
    public void other_state_types_are_refused_with_the_type_named()
    {
        var error = Assert.Throws<NotSupportedException>(() => _serializer.Serialize("not a grain state"));
        Assert.Contains("System.String", error.Message, StringComparison.Ordinal);
    }
}
