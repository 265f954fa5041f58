namespace Assistant.Core.Demo;

public static class DemoRegistration
{
    /// <summary>The demo team and its records (the operator's <c>demo</c> verb, the console's live demo).</summary>
    public static IHostApplicationBuilder AddDemo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingletons(typeof(DemoLoader), typeof(DemoRecords));
        return builder;
    }
}
