using System.CommandLine;
using OrleansPlans.Cli.Producing;

namespace OrleansPlans.Cli.Commands;

/// <summary><c>orleansplans produce FILE --topic T</c>: feeds a JSONL file to a topic.</summary>
internal static class ProduceCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A JSONL file: one JSON value per line (blank lines are ignored)." };
        var topic = new Option<string>("--topic") { Description = "The topic to write to; it must exist.", Required = true, HelpName = "TOPIC" };
        topic.Validators.AddSafe(r =>
        {
            if (r.GetValueOrDefault<string>() is { } value && !DevBroker.DevBrokerOptions.IsValidTopicName(value))
            {
                r.AddError($"--topic '{value}' is not a Kafka topic name (1 to 249 characters of a-z A-Z 0-9 . _ -).");
            }
        });
        var keyField = new Option<string>("--key-field")
        {
            Description = "The JSON field whose string value is the record key: userId, sourcePlanId, none (null keys), or auto: " +
                "userId on plan-membership and content-usage, sourcePlanId on plan-merges, none elsewhere.",
            DefaultValueFactory = _ => KeyFields.Auto,
            HelpName = "FIELD",
        };
        keyField.AcceptOnlyFromAmong(KeyFields.Auto, KeyFields.UserId, KeyFields.SourcePlanId, KeyFields.None);
        var stopOnError = new Option<bool>("--stop-on-error") { Description = "Stop at the first bad line (exit 1) instead of reporting and skipping it." };
        var bootstrap = CommonOptions.Bootstrap();
        var bootstrapFile = CommonOptions.BootstrapFile();
        var kafkaConfig = CommonOptions.KafkaConfig();
        var command = new Command("produce", "Write each line of a JSONL file as one record to a topic, with progress; bad lines are reported by line number.")
        {
            file, topic, keyField, stopOnError, bootstrap, bootstrapFile, kafkaConfig,
        };

        command.SetAction(async (parsed, cancellationToken) =>
        {
            var input = parsed.GetRequiredValue(file);
            if (!input.Exists)
            {
                throw new CliFailure($"The file {input.FullName} does not exist.");
            }

            var target = parsed.GetRequiredValue(topic);
            var producer = new JsonlProducer(
                CommonOptions.ResolveBootstrap(parsed, bootstrap, bootstrapFile, environment),
                CommonOptions.ResolveKafkaConfig(parsed, kafkaConfig),
                environment);
            var report = await producer.ProduceAsync(input, target, KeyFields.Resolve(parsed.GetRequiredValue(keyField), target),
                parsed.GetValue(stopOnError), cancellationToken);

            await environment.Out.WriteLineAsync(
                $"Produced {report.Delivered:N0} records to {target}; skipped {report.BadLines:N0} bad lines; {report.DeliveryFailures:N0} delivery failures.");
            return report.Stopped || report.DeliveryFailures > 0 ? ExitCodes.Failure : ExitCodes.Ok;
        });
        return command;
    }
}
