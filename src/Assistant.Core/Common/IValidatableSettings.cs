namespace Assistant.Core.Common;

/// <summary>
/// A settings class that can say what is wrong with itself. Each message names the full
/// configuration key and what is expected, so start-up stops with one clear line.
/// </summary>
public interface IValidatableSettings
{
    IEnumerable<string> Validate();
}

/// <summary>Bridges <see cref="IValidatableSettings"/> into the options validation pipeline.</summary>
public sealed class SettingsValidator<T> : IValidateOptions<T> where T : class, IValidatableSettings
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = options.Validate().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
