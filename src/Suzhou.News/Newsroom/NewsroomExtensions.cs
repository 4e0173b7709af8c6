namespace Suzhou.News.Newsroom;

public static class NewsroomExtensions
{
    /// <summary>Article editing, the publishing workflow, revisions and the scheduled publisher.</summary>
    public static IServiceCollection AddNewsroom(this IServiceCollection services)
    {
        services.AddOptions<NewsroomOptions>().BindConfiguration(NewsroomOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ArticleEditor>();
        services.AddScoped<ArticleWorkflow>();
        services.AddSingleton<EditingPresence>();
        services.AddSingleton<ScheduledPublisher>();
        return services;
    }
}
