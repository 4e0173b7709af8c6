namespace Suzhou.News.TipOffs;

public static class TipOffsExtensions
{
    /// <summary>The 爆料 / 举报 desk, its attachment store and options.</summary>
    public static IServiceCollection AddTipOffs(this IServiceCollection services)
    {
        services.AddOptions<TipOffOptions>()
            .BindConfiguration(TipOffOptions.Section)
            .Validate(o => o.ReportDeadlineDays is >= 1 and <= 90, "TipOffs:ReportDeadlineDays 应在 1 到 90 天之间")
            .Validate(o => o.PublicStatsMonths is >= 1 and <= 36, "TipOffs:PublicStatsMonths 应在 1 到 36 之间")
            .ValidateOnStart();
        services.AddSingleton<AttachmentStore>();
        services.AddScoped<SubmissionDesk>();
        services.AddScoped<TipDrafts>();
        return services;
    }
}
