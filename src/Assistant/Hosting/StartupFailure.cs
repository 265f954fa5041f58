namespace Assistant.Hosting;

/// <summary>
/// Turns a failed start (or a part of the host that stopped with an exception) into one clear line on stderr
/// and a distinct, non-zero exit code: a crash never looks like a normal stop.
/// </summary>
public static class StartupFailure
{
    public const int SettingsExitCode = 2;
    public const int DatabaseExitCode = 3;

    /// <summary>Anything else that stopped the program with an exception (a defect; the line names it). 70 is EX_SOFTWARE of sysexits.h.</summary>
    public const int UnexpectedExitCode = 70;

    public static int Report(Exception ex, TextWriter? error = null)
    {
        error ??= Console.Error;
        switch (ex)
        {
            case AggregateException aggregate when Distinct(aggregate) is [var only]:
                return Report(only, error);
            case AggregateException aggregate when Distinct(aggregate) is var causes && causes.All(c => c is OptionsValidationException):
                return Report(new OptionsValidationException("settings", typeof(object), causes.SelectMany(c => ((OptionsValidationException)c).Failures).Distinct()), error);
            case OptionsValidationException validation:
                error.WriteLine("Start-up stopped: " + string.Join(" ", validation.Failures));
                return SettingsExitCode;
            case DatabaseUnavailableException database:
                error.WriteLine("Start-up stopped: " + database.Message);
                return DatabaseExitCode;
            case InvalidOperationException configuration when IsConfigurationError(configuration):
                error.WriteLine("Start-up stopped: " + ex.Message);
                return SettingsExitCode;
            default:
                error.WriteLine($"Stopped by an unexpected error: {Describe(ex)}");
                return UnexpectedExitCode;
        }
    }

    /// <summary>The host's background services (channel, sender, reminders, jobs), taken before the host runs and disposes its services.</summary>
    public static IReadOnlyList<BackgroundService> BackgroundServices(IServiceProvider services) =>
        [.. services.GetServices<IHostedService>().OfType<BackgroundService>()];

    /// <summary>The exception of the first background service that ended with one, if any.</summary>
    public static Exception? Failure(IReadOnlyList<BackgroundService> services) =>
        services.Select(s => s.ExecuteTask).FirstOrDefault(task => task is { IsFaulted: true })?.Exception?.InnerException;

    /// <summary>The configuration binder's "Failed to convert configuration value ... at 'Key'" errors.</summary>
    public static bool IsConfigurationError(InvalidOperationException ex) =>
        ex.Message.Contains("configuration value", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The different causes inside an aggregate (two hosted services that read the same invalid setting fail with the same
    /// message: one line is enough).
    /// </summary>
    private static List<Exception> Distinct(AggregateException aggregate) =>
        [.. aggregate.Flatten().InnerExceptions.DistinctBy(e => (e.GetType(), e.Message))];

    /// <summary>One line: the exception's type and message, and those of its innermost cause when it differs.</summary>
    private static string Describe(Exception ex)
    {
        var root = ex.GetBaseException();
        var line = $"{ex.GetType().Name}: {ex.Message}";
        if (!ReferenceEquals(root, ex))
        {
            line += $" ({root.GetType().Name}: {root.Message})";
        }

        return line.ReplaceLineEndings(" ");
    }
}
