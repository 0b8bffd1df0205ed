using OrleansPlans.Cli;

return await CliApp.RunAsync(args, CliEnvironment.FromConsole());
