namespace Suzhou.News.Channels;

public static class ChannelsExtensions
{
    /// <summary>The channel tree, kept in memory until a channel changes.</summary>
    public static IServiceCollection AddChannels(this IServiceCollection services) =>
        services.AddSingleton<ChannelCatalog>();
}
