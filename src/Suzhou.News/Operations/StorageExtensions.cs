namespace Suzhou.News.Operations;

public static class StorageExtensions
{
    /// <summary>The data folder (database file, media, attachments, keys, logs) and the backup of it.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .PostConfigure<IHostEnvironment>((storage, env) =>
            {
                var path = storage.DataPath;
                if (string.IsNullOrWhiteSpace(path))
                {
                    path = Environment.GetEnvironmentVariable(StorageOptions.EnvironmentVariable);
                }
                if (string.IsNullOrWhiteSpace(path))
                {
                    path = "App_Data";
                }
                storage.DataPath = Path.GetFullPath(path, env.ContentRootPath);
                storage.ResolveRelativeTo(env.ContentRootPath);
            })
            .ValidateOnStart();

        services.AddScoped<DataBackup>();
        return services;
    }
}
