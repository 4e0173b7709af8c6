using Microsoft.AspNetCore.Mvc;

namespace Suzhou.News.TipOffs;

public static class TipOffsExtensions
{
    /// <summary>The 爆料 / 举报 desk, its attachment store and options.</summary>
    public static IServiceCollection AddNewsTipOffs(this IServiceCollection services)
    {
        services.AddOptions<TipOffOptions>()
            .BindConfiguration(TipOffOptions.Section)
            .Validate(o => o.ReportDeadlineDays is >= 1 and <= 90, "TipOffs:ReportDeadlineDays 应在 1 到 90 天之间")
            .Validate(o => o.PublicStatsMonths is >= 1 and <= 36, "TipOffs:PublicStatsMonths 应在 1 到 36 之间")
            .ValidateOnStart();
        services.AddSingleton<AttachmentStore>();
        services.AddScoped<SubmissionDesk>();
        services.AddScoped<TipDrafts>();

        // Public forms must answer a value that does not parse in Chinese, next to the field, like every other error.
        services.Configure<MvcOptions>(mvc =>
        {
            var messages = mvc.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"“{value}”不是{field}的有效值");
            messages.SetValueIsInvalidAccessor(value => $"“{value}”不是有效值");
            messages.SetValueMustBeANumberAccessor(field => $"{field}必须是数字");
            messages.SetValueMustNotBeNullAccessor(value => $"“{value}”不能为空");
            messages.SetMissingBindRequiredValueAccessor(field => $"缺少{field}");
            messages.SetUnknownValueIsInvalidAccessor(field => $"{field}的值无效");
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”不是有效值");
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "填写的值无效");
            messages.SetNonPropertyValueMustBeANumberAccessor(() => "此项必须是数字");
        });
        return services;
    }
}
