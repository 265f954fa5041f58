namespace Assistant.Core.Storage;

public static class StorageRegistration
{
    /// <summary>The LiteDB file (path from Storage:DatabasePath, relative to the content root).</summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        builder.AddSettings<StorageOptions>(StorageOptions.Section);
        var services = builder.Services;
        services.AddSchema(nameof(ProcessedUpdates), ProcessedUpdates.EnsureSchema);
        services.AddSchema(nameof(AuditLog), AuditLog.EnsureSchema);
        services.AddSchema(nameof(KeyValueStore), KeyValueStore.EnsureSchema);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var root = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            var path = Path.IsPathRooted(options.DatabasePath) ? options.DatabasePath : Path.Combine(root, options.DatabasePath);
            return AssistantDatabase.Open(path, sp.GetServices<SchemaSetup>(), options.CheckpointPages, sp.GetRequiredService<StorageFaults>());
        });
        services.AddSingleton<StorageFaults>();
        services.AddSingleton<ProcessedUpdates>();
        services.AddSingleton<KeyValueStore>();
        services.AddSingleton<DocumentFolder>();
        services.AddSingleton<AuditLog>();
        return builder;
    }

    public static IServiceCollection AddSchema(this IServiceCollection services, string name, Action<LiteDB.ILiteDatabase> ensure) =>
        services.AddSingleton(new SchemaSetup(name, ensure));
}
