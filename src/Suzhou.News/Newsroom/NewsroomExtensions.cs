using Microsoft.AspNetCore.Mvc;

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
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledPublisher>());
        // Model binding's own messages (a number field that got text) in Chinese, like the rest of the forms.
        services.Configure<MvcOptions>(o =>
        {
            var messages = o.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"“{value}”不是有效的{field}");
            messages.SetValueMustBeANumberAccessor(field => $"{field}须为数字");
            messages.SetValueIsInvalidAccessor(value => $"“{value}”无效");
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”无效");
            messages.SetValueMustNotBeNullAccessor(value => $"请填写{value}");
        });
        return services;
    }
}
