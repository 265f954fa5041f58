using Assistant.Core.Storage;
using Microsoft.Extensions.Options;

namespace Assistant.Hosting;

/// <summary>Turns a failed start into one clear message on stderr and a distinct exit code.</summary>
public static class StartupFailure
{
    public const int SettingsExitCode = 2;
    public const int DatabaseExitCode = 3;

    public static int Report(Exception ex, TextWriter? error = null)
    {
        error ??= Console.Error;
        switch (ex)
        {
            case OptionsValidationException validation:
                error.WriteLine("Start-up stopped: " + string.Join(" ", validation.Failures));
                return SettingsExitCode;
            case DatabaseUnavailableException database:
                error.WriteLine("Start-up stopped: " + database.Message);
                return DatabaseExitCode;
            default:
                error.WriteLine("Start-up stopped: " + ex.Message);
                return SettingsExitCode;
        }
    }

    /// <summary>The configuration binder's "Failed to convert configuration value ... at 'Key'" errors.</summary>
    public static bool IsConfigurationError(InvalidOperationException ex) =>
        ex.Message.Contains("configuration value", StringComparison.OrdinalIgnoreCase);
}
