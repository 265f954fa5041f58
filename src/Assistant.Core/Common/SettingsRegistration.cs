namespace Assistant.Core.Common;

public static class SettingsRegistration
{
    /// <summary>Binds a settings section and validates it at start-up (a bad value stops the host with a clear message).</summary>
    public static IHostApplicationBuilder AddSettings<T>(this IHostApplicationBuilder builder, string section)
        where T : class, IValidatableSettings
    {
        builder.Services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<T>, SettingsValidator<T>>();
        return builder;
    }
}
