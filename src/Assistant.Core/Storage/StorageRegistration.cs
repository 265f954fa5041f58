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
            // The data migrations run last: every collection and index exists by then.
            var setups = sp.GetServices<SchemaSetup>().Append(DataMigrations.Setup(sp.GetServices<DataMigration>()));
            return AssistantDatabase.Open(path, setups, options.CheckpointPages, sp.GetRequiredService<StorageFaults>());
        });
        services.AddSingletons(typeof(StorageFaults), typeof(ProcessedUpdates), typeof(KeyValueStore), typeof(DocumentFolder), typeof(AuditLog));
        return builder;
    }

    /// <summary>A one-time change to stored data (<see cref="DataMigration"/>), run once per database file at start-up.</summary>
    public static IServiceCollection AddMigration(this IServiceCollection services, int version, string name, Func<LiteDB.ILiteDatabase, int> apply) =>
        services.AddSingleton(new DataMigration(version, name, apply));

    public static IServiceCollection AddSchema(this IServiceCollection services, string name, Action<LiteDB.ILiteDatabase> ensure) =>
        services.AddSingleton(new SchemaSetup(name, ensure));
}
