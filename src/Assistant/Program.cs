using Assistant.Hosting;

return await AssistantProgram.RunAsync(args, Console.Out, Console.Error, started: StartupCollection.Collect);
