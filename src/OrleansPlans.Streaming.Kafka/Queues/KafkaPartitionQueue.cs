namespace OrleansPlans.Streaming.Kafka;

/// <summary>The Kafka partition behind one Orleans queue, and the stream namespace its records go to.</summary>
internal sealed record KafkaPartitionQueue(string Topic, int Partition, string StreamNamespace);
