using Assistant.Core.Storage;
using Assistant.Hosting;
using Assistant.Operator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

var invocation = Invocation.Parse(args);
try
{
    var (builder, mode) = AssistantHost.CreateBuilder(invocation);
    using var host = builder.Build();

    // Validate settings before the host starts, so a bad value gives one line instead of a logged stack trace.
    host.Services.GetRequiredService<IStartupValidator>().Validate();
    if (mode == HostMode.Operator)
    {
        return OperatorVerbs.Run(host.Services, invocation, Console.Out, Console.Error);
    }

    var exitCode = host.Services.GetRequiredService<ExitCode>();
    await host.RunAsync();
    return exitCode.Value ?? 0;
}
catch (OptionsValidationException ex)
{
    return StartupFailure.Report(ex);
}
catch (DatabaseUnavailableException ex)
{
    return StartupFailure.Report(ex);
}
catch (InvalidOperationException ex) when (StartupFailure.IsConfigurationError(ex))
{
    return StartupFailure.Report(ex);
}
